package org.metastasectomy.cds.model;

/** How one factor of IMDC or MSKCC reads the features (the objects are in {@code model.risk}); cut-offs come from its definition. */
public interface RiskFactor {
  RuleId id();

  FactorResult evaluate(PatientFeatures p, RiskFactorDefinition factor);
}
