package org.metastasectomy.cds.cards;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.metastasectomy.cds.evidence.CitationCatalogue;

/**
 * The reference markers a card's text shows ("[13]", "[Tosco 2013]"), remembered as they are written so that the card
 * links every one of them (issue 12 item 5: every [n] on a card is a link on that card).
 */
final class Markers {
  private final CitationCatalogue catalogue;
  private final Set<String> used = new LinkedHashSet<>();

  Markers(CitationCatalogue catalogue) {
    this.catalogue = catalogue;
  }

  /** "[6][review]": the markers of these citations, each remembered for the card's links. */
  String of(List<String> citationIds) {
    used.addAll(citationIds);
    return citationIds.stream().distinct().map(id -> EvidenceLinks.number(catalogue, id)).collect(Collectors.joining(""));
  }

  /** Every citation a marker was written for, in the order first written. */
  List<String> used() {
    return List.copyOf(used);
  }
}
