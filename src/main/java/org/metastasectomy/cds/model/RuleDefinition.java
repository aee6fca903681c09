package org.metastasectomy.cds.model;

import java.util.List;

/**
 * One rule of the metastasectomy evidence profile: what the knowledge file says about it, bound to the object that
 * reads the chart for it.
 *
 * @param site the metastatic site the evidence is about, or null for any site
 * @param threshold the numeric cut-off from the evidence, or null when the rule has none
 * @param toDocument what the clinician should record in the chart when the rule is UNKNOWN
 */
public record RuleDefinition(
    RuleId id,
    String label,
    Site site,
    Direction direction,
    Double threshold,
    List<String> citations,
    String toDocument,
    ProfileRule logic) {

  public RuleDefinition {
    citations = List.copyOf(citations);
  }

  public double thresholdValue() {
    if (threshold == null) {
      throw new IllegalStateException("rule " + id + " needs a threshold in the knowledge file");
    }
    return threshold;
  }

  /** Evaluates the rule for one patient, citing the rule's sources. */
  public RuleResult evaluate(PatientFeatures p, long synchronousCutoffMonths) {
    return new RuleResult(this, logic.evaluate(p, this, synchronousCutoffMonths).citing(citations));
  }
}
