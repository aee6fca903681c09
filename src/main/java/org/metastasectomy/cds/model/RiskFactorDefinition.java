package org.metastasectomy.cds.model;

/** One factor of a published risk model, with the cut-off the knowledge file gives it, bound to the object that reads it. */
public record RiskFactorDefinition(RuleId id, String label, Double threshold, RiskFactor logic) {}
