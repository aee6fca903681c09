package org.metastasectomy.cds.model.profile;

import org.metastasectomy.cds.model.Datum;
import org.metastasectomy.cds.model.FactorResult;
import org.metastasectomy.cds.model.Item;
import org.metastasectomy.cds.model.PatientFeatures;
import org.metastasectomy.cds.model.ProfileRule;
import org.metastasectomy.cds.model.RuleDefinition;
import org.metastasectomy.cds.model.RuleId;
import org.metastasectomy.cds.model.Fact;
import org.metastasectomy.cds.model.Timeline;

/**
 * LIVER_METACHRONOUS and LIVER_SYNCHRONOUS: whether the first metastasis was present at the diagnosis of the primary
 * (within the knowledge file's synchronous cut-off).
 */
final class Timing implements ProfileRule {
  private final RuleId id;
  private final boolean synchronousIsMet;

  Timing(RuleId id, boolean synchronousIsMet) {
    this.id = id;
    this.synchronousIsMet = synchronousIsMet;
  }

  @Override
  public RuleId id() {
    return id;
  }

  @Override
  public FactorResult evaluate(PatientFeatures p, RuleDefinition rule, long synchronousCutoffMonths) {
    Datum diagnosis = Datum.from(Item.DIAGNOSIS, p.diagnosisDate(), null);
    Datum first = Datum.from(Item.FIRST_METASTASIS, Timeline.firstMetastasis(p), null);
    Fact<Boolean> sync = Timeline.synchronous(p, synchronousCutoffMonths);
    if (!sync.isKnown()) {
      return FactorResult.missing(id, diagnosis, first);
    }
    return FactorResult.decided(id, sync.value() == synchronousIsMet, sync.sources(),
        Datum.of(Item.SYNCHRONOUS, sync, null), diagnosis, first);
  }
}
