package org.metastasectomy.cds.model.orders;

import java.util.Optional;
import org.metastasectomy.cds.model.Assessment;
import org.metastasectomy.cds.model.Datum;
import org.metastasectomy.cds.model.DraftOrder;
import org.metastasectomy.cds.model.FactorResult;
import org.metastasectomy.cds.model.Item;
import org.metastasectomy.cds.model.OrderKind;
import org.metastasectomy.cds.model.OrderRule;
import org.metastasectomy.cds.model.OrderRuleDefinition;
import org.metastasectomy.cds.model.RuleId;
import org.metastasectomy.cds.model.Fact;

/** CHEST_RADIOGRAPH_STAGING: a chest radiograph order when the primary tumour's T category is at least the cut-off. */
final class ChestRadiographStaging implements OrderRule {
  @Override
  public RuleId id() {
    return RuleId.CHEST_RADIOGRAPH_STAGING;
  }

  @Override
  public Optional<FactorResult> evaluate(Assessment a, DraftOrder order, OrderRuleDefinition rule) {
    Fact<Integer> t = a.features().tStage();
    if (!order.is(OrderKind.CHEST_RADIOGRAPH) || !t.isKnown() || t.value() < rule.threshold()) {
      return Optional.empty();
    }
    return Optional.of(FactorResult.decided(id(), true, t.sources(), Datum.of(Item.T_CATEGORY, t, null)));
  }
}
