package org.metastasectomy.cds.model.profile;

import org.metastasectomy.cds.model.Datum;
import org.metastasectomy.cds.model.Fact;
import org.metastasectomy.cds.model.FactorResult;
import org.metastasectomy.cds.model.Item;
import org.metastasectomy.cds.model.PatientFeatures;
import org.metastasectomy.cds.model.ProfileRule;
import org.metastasectomy.cds.model.RuleDefinition;
import org.metastasectomy.cds.model.RuleId;
import org.metastasectomy.cds.model.Timeline;

/** DFI_LE_12 and LUNG_DFI_GT_23: months from nephrectomy (else diagnosis) to the first metastasis, against the cut-off. */
final class DiseaseFreeInterval implements ProfileRule {
  private final RuleId id;
  private final boolean longerIsMet;

  DiseaseFreeInterval(RuleId id, boolean longerIsMet) {
    this.id = id;
    this.longerIsMet = longerIsMet;
  }

  @Override
  public RuleId id() {
    return id;
  }

  @Override
  public FactorResult evaluate(PatientFeatures p, RuleDefinition rule, long synchronousCutoffMonths) {
    Datum start = p.nephrectomyDate().isKnown()
        ? Datum.of(Item.NEPHRECTOMY, p.nephrectomyDate(), null)
        : Datum.from(Item.DIAGNOSIS, p.diagnosisDate(), null);
    Datum first = Datum.from(Item.FIRST_METASTASIS, Timeline.firstMetastasis(p), null);
    Fact<Long> dfi = Timeline.dfiMonths(p);
    if (!dfi.isKnown()) {
      return FactorResult.missing(id, start, first);
    }
    boolean met = longerIsMet ? dfi.value() > rule.thresholdValue() : dfi.value() <= rule.thresholdValue();
    return FactorResult.decided(id, met, dfi.sources(), Datum.of(Item.DISEASE_FREE_INTERVAL, dfi, "months"), start, first);
  }
}
