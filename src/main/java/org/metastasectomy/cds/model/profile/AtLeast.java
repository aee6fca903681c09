package org.metastasectomy.cds.model.profile;

import java.util.function.Function;
import org.metastasectomy.cds.model.Datum;
import org.metastasectomy.cds.model.FactorResult;
import org.metastasectomy.cds.model.Item;
import org.metastasectomy.cds.model.PatientFeatures;
import org.metastasectomy.cds.model.ProfileRule;
import org.metastasectomy.cds.model.RuleDefinition;
import org.metastasectomy.cds.model.RuleId;
import org.metastasectomy.cds.model.Fact;

/** HIGH_GRADE, T_STAGE_GE_3 and NODE_POSITIVE: a grade or category of the primary at or above the cut-off. */
final class AtLeast implements ProfileRule {
  private final RuleId id;
  private final Item item;
  private final Function<PatientFeatures, Fact<Integer>> read;

  AtLeast(RuleId id, Item item, Function<PatientFeatures, Fact<Integer>> read) {
    this.id = id;
    this.item = item;
    this.read = read;
  }

  @Override
  public RuleId id() {
    return id;
  }

  @Override
  public FactorResult evaluate(PatientFeatures p, RuleDefinition rule, long synchronousCutoffMonths) {
    Fact<Integer> value = read.apply(p);
    if (!value.isKnown()) {
      return FactorResult.missing(id, Datum.missing(item, value.why()));
    }
    return FactorResult.decided(id, value.value() >= rule.thresholdValue(), value.sources(), Datum.of(item, value, null));
  }
}
