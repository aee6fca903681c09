package org.metastasectomy.cds.model.profile;

import org.metastasectomy.cds.model.Datum;
import org.metastasectomy.cds.model.FactorResult;
import org.metastasectomy.cds.model.Item;
import org.metastasectomy.cds.model.PatientFeatures;
import org.metastasectomy.cds.model.ProfileRule;
import org.metastasectomy.cds.model.RuleDefinition;
import org.metastasectomy.cds.model.RuleId;
import org.metastasectomy.cds.model.Fact;
import org.metastasectomy.cds.model.Reason;

/** LIVER_ECOG_GT_0: ECOG performance status above the cut-off. Karnofsky is never converted to ECOG. */
final class EcogAbove implements ProfileRule {
  @Override
  public RuleId id() {
    return RuleId.LIVER_ECOG_GT_0;
  }

  @Override
  public FactorResult evaluate(PatientFeatures p, RuleDefinition rule, long synchronousCutoffMonths) {
    Fact<Integer> ecog = p.ecog();
    if (ecog.isKnown()) {
      return FactorResult.decided(id(), ecog.value() > rule.thresholdValue(), ecog.sources(), Datum.of(Item.ECOG, ecog, null));
    }
    Datum missing = Datum.missing(Item.ECOG, ecog.why());
    if (!p.kps().isKnown()) {
      return FactorResult.unknown(id(), ecog.why(), missing);
    }
    Reason why = ecog.why() instanceof Reason.NotRecorded ? new Reason.NotConvertible(Item.KARNOFSKY, Item.ECOG) : ecog.why();
    return FactorResult.unknown(id(), why, missing, Datum.of(Item.KARNOFSKY, p.kps(), "%"));
  }
}
