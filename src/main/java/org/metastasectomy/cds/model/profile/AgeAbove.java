package org.metastasectomy.cds.model.profile;

import org.metastasectomy.cds.model.Datum;
import org.metastasectomy.cds.model.FactorResult;
import org.metastasectomy.cds.model.Item;
import org.metastasectomy.cds.model.PatientFeatures;
import org.metastasectomy.cds.model.ProfileRule;
import org.metastasectomy.cds.model.RuleDefinition;
import org.metastasectomy.cds.model.RuleId;

/** AGE_GT_65 and LUNG_AGE_GT_70: age in completed years on the assessment date, above the cut-off. */
final class AgeAbove implements ProfileRule {
  private final RuleId id;

  AgeAbove(RuleId id) {
    this.id = id;
  }

  @Override
  public RuleId id() {
    return id;
  }

  @Override
  public FactorResult evaluate(PatientFeatures p, RuleDefinition rule, long synchronousCutoffMonths) {
    if (!p.ageYears().isKnown()) {
      return FactorResult.missing(id, Datum.missing(Item.AGE, p.ageYears().why()));
    }
    return FactorResult.decided(id, p.ageYears().value() > rule.thresholdValue(), p.ageYears().sources(),
        Datum.of(Item.AGE, p.ageYears(), "years"));
  }
}
