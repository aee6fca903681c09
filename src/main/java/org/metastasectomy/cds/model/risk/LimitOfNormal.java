package org.metastasectomy.cds.model.risk;

import org.metastasectomy.cds.model.Datum;
import org.metastasectomy.cds.model.FactorResult;
import org.metastasectomy.cds.model.Item;
import org.metastasectomy.cds.model.PatientFeatures;
import org.metastasectomy.cds.model.RiskFactor;
import org.metastasectomy.cds.model.RiskFactorDefinition;
import org.metastasectomy.cds.model.RuleId;
import org.metastasectomy.cds.model.Fact;
import org.metastasectomy.cds.model.Lab;
import org.metastasectomy.cds.model.LabValue;
import org.metastasectomy.cds.model.Reason;

/**
 * HB_LT_LLN, NEUTROPHILS_GT_ULN, PLATELETS_GT_ULN and LDH_GT_1_5_ULN: a laboratory value against the laboratory's own
 * limit of normal (times the factor's cut-off, when it has one). Without that limit the factor is unknown.
 */
final class LimitOfNormal implements RiskFactor {
  private final RuleId id;
  private final Lab lab;
  private final Reason.Limit limit;

  LimitOfNormal(RuleId id, Lab lab, Reason.Limit limit) {
    this.id = id;
    this.lab = lab;
    this.limit = limit;
  }

  @Override
  public RuleId id() {
    return id;
  }

  @Override
  public FactorResult evaluate(PatientFeatures p, RiskFactorDefinition factor) {
    Fact<LabValue> result = p.lab(lab);
    Datum value = Datum.lab(lab, result);
    if (!result.isKnown()) {
      return FactorResult.missing(id, value);
    }
    boolean upper = limit == Reason.Limit.UPPER;
    Fact<Double> normal = upper ? result.value().upperLimit() : result.value().lowerLimit();
    Datum normalDatum = Datum.from(upper ? Item.UPPER_LIMIT : Item.LOWER_LIMIT, normal, lab.canonicalUnit());
    if (!normal.isKnown()) {
      return FactorResult.unknown(id, new Reason.LimitUnknown(limit), value, normalDatum);
    }
    double cutOff = factor.threshold() == null ? normal.value() : factor.threshold() * normal.value();
    boolean met = upper ? result.value().value() > cutOff : result.value().value() < cutOff;
    return FactorResult.decided(id, met, result.sources(), value, normalDatum);
  }
}
