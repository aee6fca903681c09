package org.metastasectomy.cds.model.risk;

import org.metastasectomy.cds.model.Datum;
import org.metastasectomy.cds.model.FactorResult;
import org.metastasectomy.cds.model.Item;
import org.metastasectomy.cds.model.PatientFeatures;
import org.metastasectomy.cds.model.RiskFactor;
import org.metastasectomy.cds.model.RiskFactorDefinition;
import org.metastasectomy.cds.model.RuleId;
import org.metastasectomy.cds.model.Fact;
import org.metastasectomy.cds.model.Reason;

/** KPS_LT_80: Karnofsky performance status below the cut-off. ECOG is never converted to Karnofsky. */
final class KarnofskyBelow implements RiskFactor {
  @Override
  public RuleId id() {
    return RuleId.KPS_LT_80;
  }

  @Override
  public FactorResult evaluate(PatientFeatures p, RiskFactorDefinition factor) {
    Fact<Integer> kps = p.kps();
    if (kps.isKnown()) {
      return FactorResult.decided(id(), kps.value() < factor.threshold(), kps.sources(), Datum.of(Item.KARNOFSKY, kps, "%"));
    }
    Datum missing = Datum.missing(Item.KARNOFSKY, kps.why());
    if (!p.ecog().isKnown()) {
      return FactorResult.unknown(id(), kps.why(), missing);
    }
    Reason why = kps.why() instanceof Reason.NotRecorded ? new Reason.NotConvertible(Item.ECOG, Item.KARNOFSKY) : kps.why();
    return FactorResult.unknown(id(), why, missing, Datum.of(Item.ECOG, p.ecog(), null));
  }
}
