package org.metastasectomy.cds.model.profile;

import org.metastasectomy.cds.model.Datum;
import org.metastasectomy.cds.model.FactorResult;
import org.metastasectomy.cds.model.Item;
import org.metastasectomy.cds.model.PatientFeatures;
import org.metastasectomy.cds.model.ProfileRule;
import org.metastasectomy.cds.model.RuleDefinition;
import org.metastasectomy.cds.model.RuleId;
import org.metastasectomy.cds.model.Fact;
import org.metastasectomy.cds.model.Lab;
import org.metastasectomy.cds.model.LabValue;
import org.metastasectomy.cds.model.Reason;

/** BONE_ALP_GT_1_5_ULN: alkaline phosphatase above the cut-off times the laboratory's upper limit of normal. */
final class AlkalinePhosphatase implements ProfileRule {
  @Override
  public RuleId id() {
    return RuleId.BONE_ALP_GT_1_5_ULN;
  }

  @Override
  public FactorResult evaluate(PatientFeatures p, RuleDefinition rule, long synchronousCutoffMonths) {
    Fact<LabValue> alp = p.lab(Lab.ALKALINE_PHOSPHATASE);
    Datum value = Datum.lab(Lab.ALKALINE_PHOSPHATASE, alp);
    if (!alp.isKnown()) {
      return FactorResult.missing(id(), value);
    }
    Fact<Double> uln = alp.value().upperLimit();
    Datum limit = Datum.from(Item.UPPER_LIMIT, uln, Lab.ALKALINE_PHOSPHATASE.canonicalUnit());
    if (!uln.isKnown()) {
      return FactorResult.unknown(id(), new Reason.LimitUnknown(Reason.Limit.UPPER), value, limit);
    }
    double cutOff = rule.thresholdValue() * uln.value();
    return FactorResult.decided(id(), alp.value().value() > cutOff, alp.sources(), value, limit);
  }
}
