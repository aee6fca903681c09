package org.metastasectomy.cds.model.orders;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.metastasectomy.cds.model.OrderRule;
import org.metastasectomy.cds.model.RuleId;

/** Every order-time rule object, by id. A new rule's object goes in this package and in this list. */
public final class OrderRuleSet {
  private OrderRuleSet() {}

  private static final List<OrderRule> RULES = List.of(
      AdjuvantAfterMetastasectomy.warning(),
      AdjuvantAfterMetastasectomy.unconfirmed(),
      new SystemicBeforeTumourBoard(),
      new ChestRadiographStaging(),
      new CytoreductiveNephrectomy());

  public static Map<RuleId, OrderRule> all() {
    Map<RuleId, OrderRule> out = new EnumMap<>(RuleId.class);
    RULES.forEach(r -> out.put(r.id(), r));
    return out;
  }
}
