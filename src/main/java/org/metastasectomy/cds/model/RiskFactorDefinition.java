package org.metastasectomy.cds.model;

/** One factor of a published risk model, with the cut-off the knowledge file gives it. */
public record RiskFactorDefinition(String id, String label, Double threshold) {}
