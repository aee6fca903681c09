package org.metastasectomy.cds.evidence;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** All citations by id, and the one way links to them are made. */
public final class CitationCatalogue {
  private final Map<String, Citation> byId = new LinkedHashMap<>();

  public CitationCatalogue(List<Citation> citations) {
    for (Citation c : citations) {
      if (byId.put(c.id(), c) != null) {
        throw new IllegalArgumentException("duplicate citation id " + c.id());
      }
    }
  }

  public Optional<Citation> find(String id) {
    return Optional.ofNullable(byId.get(id));
  }

  public Citation get(String id) {
    return find(id).orElseThrow(() -> new IllegalArgumentException("unknown citation " + id));
  }

  public Collection<Citation> all() {
    return byId.values();
  }

  public EvidenceLink link(String id) {
    Citation c = get(id);
    if (c.verified() && Citation.notBlank(c.pmid())) {
      return new EvidenceLink(c.label() + " (PubMed " + c.pmid() + ")", "https://pubmed.ncbi.nlm.nih.gov/" + c.pmid() + "/", false);
    }
    if (c.verified() && Citation.notBlank(c.doi())) {
      return new EvidenceLink(c.label() + " (DOI)", "https://doi.org/" + c.doi(), false);
    }
    String terms = Citation.notBlank(c.title()) ? c.title() : c.searchTerms();
    String url = "https://pubmed.ncbi.nlm.nih.gov/?term=" + URLEncoder.encode(terms, StandardCharsets.UTF_8);
    return new EvidenceLink(c.label() + " (PubMed search)", url, true);
  }
}
