package org.metastasectomy.cds.model;

/**
 * How one rule of the evidence profile reads the features (the objects are in {@code model.profile}). What the evidence
 * says — the cut-off, the direction, the citations — comes from the rule's definition in the knowledge file.
 */
public interface ProfileRule {
  RuleId id();

  /** @param synchronousCutoffMonths the knowledge file's synchronous cut-off, for the rules that read the timing */
  FactorResult evaluate(PatientFeatures p, RuleDefinition rule, long synchronousCutoffMonths);
}
