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
import org.metastasectomy.cds.model.Sources;

/**
 * CORR_CA_GT_ULN (IMDC: above the laboratory's upper limit) and CORR_CA_GT_10 (MSKCC: above the cut-off in mg/dL), on
 * calcium corrected for albumin.
 */
public final class CorrectedCalcium implements RiskFactor {
  private static final String MG_DL = "mg/dL";

  private final RuleId id;
  private final boolean againstUpperLimit;

  CorrectedCalcium(RuleId id, boolean againstUpperLimit) {
    this.id = id;
    this.againstUpperLimit = againstUpperLimit;
  }

  /**
   * Corrected calcium (clinical-notes 3.4): Ca + 0.8 × (4.0 − albumin), in mg/dL and g/dL, from calcium and albumin of
   * one draw — the same specimen, or the same calendar day; otherwise unknown, with both results in the reason.
   */
  public static Fact<Double> of(PatientFeatures p) {
    Fact<LabValue> ca = p.lab(Lab.CALCIUM);
    Fact<LabValue> alb = p.lab(Lab.ALBUMIN);
    if (!ca.isKnown() || !alb.isKnown()) {
      return Fact.unknown();
    }
    if (!ca.value().sameDrawAs(alb.value())) {
      return Fact.unknown(new Reason.DifferentDraws(Datum.lab(Lab.CALCIUM, ca), Datum.lab(Lab.ALBUMIN, alb)));
    }
    double corrected = ca.value().value() + 0.8 * (4.0 - alb.value().value());
    return Fact.of(corrected, Sources.join(ca.sources(), alb.sources()));
  }

  @Override
  public RuleId id() {
    return id;
  }

  @Override
  public FactorResult evaluate(PatientFeatures p, RiskFactorDefinition factor) {
    Datum calcium = Datum.lab(Lab.CALCIUM, p.lab(Lab.CALCIUM));
    Datum albumin = Datum.lab(Lab.ALBUMIN, p.lab(Lab.ALBUMIN));
    Fact<Double> corrected = of(p);
    if (!corrected.isKnown()) {
      return corrected.why() instanceof Reason.DifferentDraws
          ? FactorResult.unknown(id, corrected.why(), calcium, albumin) : FactorResult.missing(id, calcium, albumin);
    }
    Datum value = Datum.of(Item.CORRECTED_CALCIUM, corrected, MG_DL);
    if (!againstUpperLimit) {
      return FactorResult.decided(id, corrected.value() > factor.threshold(), corrected.sources(), value, calcium, albumin);
    }
    Fact<Double> uln = p.lab(Lab.CALCIUM).value().upperLimit();
    Datum limit = Datum.from(Item.UPPER_LIMIT, uln, MG_DL);
    if (!uln.isKnown()) {
      return FactorResult.unknown(id, new Reason.LimitUnknown(Reason.Limit.UPPER), value, limit, calcium, albumin);
    }
    return FactorResult.decided(id, corrected.value() > uln.value(), corrected.sources(), value, limit, calcium, albumin);
  }
}
