package org.metastasectomy.cds.model;

import java.util.Optional;

/** One order-time rule (the objects are in {@code model.orders}): does it fire for this draft order and this patient? */
public interface OrderRule {
  RuleId id();

  /** @return the rule's result (MET, with the data that made it fire) when it fires, else empty */
  Optional<FactorResult> evaluate(Assessment a, DraftOrder order, OrderRuleDefinition rule);
}
