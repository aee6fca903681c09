package org.metastasectomy.cds.model.profile;

import org.metastasectomy.cds.model.Datum;
import org.metastasectomy.cds.model.FactorResult;
import org.metastasectomy.cds.model.PatientFeatures;
import org.metastasectomy.cds.model.ProfileRule;
import org.metastasectomy.cds.model.RuleDefinition;
import org.metastasectomy.cds.model.RuleId;
import org.metastasectomy.cds.model.Fact;
import org.metastasectomy.cds.model.Lab;
import org.metastasectomy.cds.model.LabValue;

/** BONE_CRP_GT_3: C-reactive protein above the cut-off (mg/L). */
final class Crp implements ProfileRule {
  @Override
  public RuleId id() {
    return RuleId.BONE_CRP_GT_3;
  }

  @Override
  public FactorResult evaluate(PatientFeatures p, RuleDefinition rule, long synchronousCutoffMonths) {
    Fact<LabValue> crp = p.lab(Lab.CRP);
    Datum value = Datum.lab(Lab.CRP, crp);
    if (!crp.isKnown()) {
      return FactorResult.missing(id(), value);
    }
    return FactorResult.decided(id(), crp.value().value() > rule.thresholdValue(), crp.sources(), value);
  }
}
