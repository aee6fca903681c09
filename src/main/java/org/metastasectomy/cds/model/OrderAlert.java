package org.metastasectomy.cds.model;

import java.util.List;

/** An order-time rule that fired for one draft order, with the patient facts that made it fire. */
public record OrderAlert(OrderRuleDefinition rule, DraftOrder order, List<String> reasons) {

  public OrderAlert {
    reasons = List.copyOf(reasons);
  }
}
