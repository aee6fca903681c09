package org.metastasectomy.cds.model;

import java.util.List;
import java.util.Optional;

/**
 * An order-time rule of the knowledge file — what it warns about, the evidence, its wording — bound to the object that
 * decides when it fires.
 *
 * @param threshold the numeric cut-off the rule needs (e.g. the minimum T category), or null
 */
public record OrderRuleDefinition(
    RuleId id, String indicator, String summary, String detail, Double threshold, List<String> citations, OrderRule logic) {

  public OrderRuleDefinition {
    citations = List.copyOf(citations);
  }

  public Optional<OrderAlert> evaluate(Assessment a, DraftOrder order) {
    return logic.evaluate(a, order, this).map(result -> new OrderAlert(this, order, result.citing(citations)));
  }
}
