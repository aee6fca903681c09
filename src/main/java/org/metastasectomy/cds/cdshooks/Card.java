package org.metastasectomy.cds.cdshooks;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * CDS Hooks card. Optional fields without a value are omitted from the JSON, never null or empty.
 *
 * @param extension the card's structured trace for auditors (CDS Hooks 2.0 extension), or null
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Card(
    String uuid,
    String summary,
    String detail,
    String indicator,
    Source source,
    List<Suggestion> suggestions,
    String selectionBehavior,
    List<Coding> overrideReasons,
    List<Link> links,
    JsonNode extension) {

  public Card(String uuid, String summary, String detail, String indicator, Source source, List<Suggestion> suggestions,
      String selectionBehavior, List<Coding> overrideReasons, List<Link> links) {
    this(uuid, summary, detail, indicator, source, suggestions, selectionBehavior, overrideReasons, links, null);
  }
}
