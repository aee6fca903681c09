package org.metastasectomy.cds.model;

import java.util.ArrayList;
import java.util.List;

/**
 * The order-time rules: each draft order against the patient's assessment, rule by rule in the order of the knowledge
 * file (the rule objects are in {@code model.orders}). Only for a patient with renal cell carcinoma.
 */
public final class OrderRules {
  private final ModelKnowledge knowledge;

  public OrderRules(ModelKnowledge knowledge) {
    this.knowledge = knowledge;
  }

  public List<OrderAlert> evaluate(Assessment a, List<DraftOrder> orders) {
    List<OrderAlert> alerts = new ArrayList<>();
    if (!a.features().rcc()) {
      return alerts;
    }
    for (DraftOrder order : orders) {
      for (OrderRuleDefinition rule : knowledge.orderRules()) {
        rule.evaluate(a, order).ifPresent(alerts::add);
      }
    }
    return alerts;
  }
}
