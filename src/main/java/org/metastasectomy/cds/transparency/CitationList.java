package org.metastasectomy.cds.transparency;

import java.util.LinkedHashSet;
import java.util.List;
import org.metastasectomy.cds.evidence.CitationCatalogue;
import org.metastasectomy.cds.evidence.EvidenceLink;

/** Writes a list of sources as links made by {@link CitationCatalogue#link}: PubMed/DOI when verified, else a labelled search. */
final class CitationList {
  private CitationList() {}

  static void write(HtmlWriter w, CitationCatalogue catalogue, List<String> citationIds) {
    w.open("ul", "class", "sources");
    for (String id : new LinkedHashSet<>(citationIds)) {
      EvidenceLink link = catalogue.link(id);
      w.open("li").link(link.url(), link.label()).close("li");
    }
    w.close("ul");
  }
}
