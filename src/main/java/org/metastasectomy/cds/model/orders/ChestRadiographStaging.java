package org.metastasectomy.cds.model.orders;

import java.util.Optional;
import org.metastasectomy.cds.model.Assessment;
import org.metastasectomy.cds.model.Datum;
import org.metastasectomy.cds.model.DraftOrder;
import org.metastasectomy.cds.model.DraftOrder.OrderReason;
import org.metastasectomy.cds.model.Fact;
import org.metastasectomy.cds.model.FactorResult;
import org.metastasectomy.cds.model.Item;
import org.metastasectomy.cds.model.OrderKind;
import org.metastasectomy.cds.model.OrderRule;
import org.metastasectomy.cds.model.OrderRuleDefinition;
import org.metastasectomy.cds.model.PatientFeatures;
import org.metastasectomy.cds.model.RuleId;

/**
 * CHEST_RADIOGRAPH_STAGING: a chest radiograph order for RCC staging when the primary tumour's T category is at least
 * the cut-off. The ACR recommendation is about staging the renal tumour, so the order must be for it: its reason names
 * the RCC (a code, or a reference to the primary RCC Condition), or it gives no reason while initial staging is under
 * way (no nephrectomy and no systemic therapy recorded). An order for another stated reason (pneumonia, a line check)
 * is never questioned.
 */
final class ChestRadiographStaging implements OrderRule {
  @Override
  public RuleId id() {
    return RuleId.CHEST_RADIOGRAPH_STAGING;
  }

  @Override
  public Optional<FactorResult> evaluate(Assessment a, DraftOrder order, OrderRuleDefinition rule) {
    Fact<Integer> t = a.features().tStage();
    if (!order.is(OrderKind.CHEST_RADIOGRAPH) || !t.isKnown() || t.value() < rule.threshold()
        || !forStaging(a.features(), order)) {
      return Optional.empty();
    }
    return Optional.of(FactorResult.decided(id(), true, t.sources(), Datum.of(Item.T_CATEGORY, t, null)));
  }

  static boolean forStaging(PatientFeatures p, DraftOrder order) {
    if (order.reason() == OrderReason.RCC
        || order.reasonReferences().stream().anyMatch(ref -> p.primaryConditions().stream().anyMatch(ref::endsWith))) {
      return true;
    }
    return order.reason() == OrderReason.NONE && order.reasonReferences().isEmpty() && p.initialStagingUnderWay();
  }
}
