package org.metastasectomy.cds.cards;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import org.metastasectomy.cds.cdshooks.Link;
import org.metastasectomy.cds.evidence.CitationCatalogue;
import org.metastasectomy.cds.evidence.EvidenceLink;

/**
 * Builds a card's links: one for every reference marker the card's text shows (so each [n] can be followed on the
 * card itself), then the rules page. Labels begin with the marker, so a reader matches "[13]" to its link at a glance.
 */
final class EvidenceLinks {
  private EvidenceLinks() {}

  static List<Link> of(CitationCatalogue catalogue, List<String> citationIds, String rulesUrl, String rulesLabel) {
    List<Link> links = new ArrayList<>();
    for (String id : new LinkedHashSet<>(citationIds)) {
      EvidenceLink link = catalogue.link(id);
      links.add(Link.absolute(label(catalogue, id, link), link.url()));
    }
    links.add(Link.absolute(rulesLabel, rulesUrl));
    return links;
  }

  /** "[13] Pfannschmidt et al. 2002 (PubMed 12440625)": the marker, then the label without repeating the marker. */
  static String label(CitationCatalogue catalogue, String id, EvidenceLink link) {
    String marker = number(catalogue, id);
    String rest = link.label().replace(" " + marker, "").replace(marker, "").strip();
    return rest.startsWith(marker.substring(1, marker.length() - 1)) ? marker + rest.substring(marker.length() - 2) : marker + " " + rest;
  }

  /** "[13]" for a numbered reference of the review, "[review]" for the review, else "[label]". */
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
