package org.metastasectomy.cds.cards;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.metastasectomy.cds.cdshooks.Link;
import org.metastasectomy.cds.evidence.CitationCatalogue;
import org.metastasectomy.cds.evidence.EvidenceLink;

/** Builds a card's links: the few citations that matter for this patient, then the rules page. */
final class EvidenceLinks {
  /** A narrow EHR panel shows a handful of links well; more goes to the rules page. */
  static final int MAX_CITATION_LINKS = 4;

  private EvidenceLinks() {}

  static List<Link> of(CitationCatalogue catalogue, List<String> citationIds, String rulesUrl, String rulesLabel) {
    Set<String> unique = new LinkedHashSet<>(citationIds);
    List<Link> links = new ArrayList<>();
    for (String id : unique) {
      if (links.size() == MAX_CITATION_LINKS) {
        break;
      }
      EvidenceLink link = catalogue.link(id);
      links.add(Link.absolute(link.label(), link.url()));
    }
    links.add(Link.absolute(rulesLabel, rulesUrl));
    return links;
  }

  /** "[13]" for a numbered reference of the review, else the citation's label. */
  static String number(CitationCatalogue catalogue, String id) {
    var c = catalogue.get(id);
    if (c.seedRef() != null && c.seedRef().matches("\\d+")) {
      return "[" + c.seedRef() + "]";
    }
    if ("seed".equals(c.seedRef())) {
      return "[review]";
    }
    return "[" + c.label() + "]";
  }
}
