package org.metastasectomy.cds.cdshooks;

import java.util.List;

/** One feedback item (CDS Hooks 2.0 §Feedback). */
public record Feedback(
    String card,
    String outcome,
    List<AcceptedSuggestion> acceptedSuggestions,
    OverrideReason overrideReason,
    String outcomeTimestamp) {

  /** {@code {"id": suggestion uuid}}. */
  public record AcceptedSuggestion(String id) {}

  /** Why the clinician overrode the card. */
  public record OverrideReason(Coding reason, String userComment) {}
}
