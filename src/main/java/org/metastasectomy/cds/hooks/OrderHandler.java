package org.metastasectomy.cds.hooks;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.metastasectomy.cds.cards.IssuedCard;
import org.metastasectomy.cds.cards.OrderCardBuilder;
import org.metastasectomy.cds.intake.PrefetchKeys;
import org.metastasectomy.cds.model.Assessment;
import org.metastasectomy.cds.model.DraftOrder;
import org.metastasectomy.cds.model.OrderRules;
import org.metastasectomy.cds.reading.DraftOrderReader;
import org.metastasectomy.cds.reading.PatientRecordReader;

/** order-select and order-sign: the order-time rules, for a patient with RCC and draft orders they care about. */
public final class OrderHandler implements HookHandler {
  private final PatientSteps steps;
  private final DraftOrderReader draftOrders;
  private final OrderRules rules;
  private final OrderCardBuilder cards;

  public OrderHandler(PatientSteps steps, DraftOrderReader draftOrders, OrderRules rules, OrderCardBuilder cards) {
    this.steps = steps;
    this.draftOrders = draftOrders;
    this.rules = rules;
    this.cards = cards;
  }

  @Override
  public Set<String> hooks() {
    return Set.of("order-select", "order-sign");
  }

  /**
   * Cheapest question first. With the Conditions prefetched, "no RCC" is answered from their JSON before the draft
   * orders are parsed; without them, orders no rule cares about are answered before anything is fetched from the EHR.
   */
  @Override
  public List<IssuedCard> answer(Invocation call) {
    Supplier<List<DraftOrder>> orders = once(() -> draftOrders.read(call.request().context()));
    boolean conditionsPrefetched = call.request().prefetch().containsKey(PrefetchKeys.CONDITIONS);
    if (!conditionsPrefetched && orders.get().isEmpty()) {
      return List.of();
    }
    Optional<PatientRecordReader> record = steps.recordWithRcc(call);
    if (record.isEmpty() || orders.get().isEmpty()) {
      return List.of();
    }
    Assessment a = steps.assess(record.get(), call);
    return rules.evaluate(a, orders.get()).stream()
        .map(alert -> cards.build(alert, call.request().patientId(), call.rulesPageUrl()))
        .toList();
  }

  /** The draft orders are parsed at most once, when first needed. */
  private static <T> Supplier<T> once(Supplier<T> read) {
    Object[] value = {null};
    return () -> {
      if (value[0] == null) {
        value[0] = read.get();
      }
      @SuppressWarnings("unchecked")
      T t = (T) value[0];
      return t;
    };
  }
}
