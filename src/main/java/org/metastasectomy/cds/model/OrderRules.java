package org.metastasectomy.cds.model;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The order-time rules (issue 4): each looks at one draft order against the patient's assessment. */
public final class OrderRules {
  public static final String ADJUVANT_AFTER_METASTASECTOMY = "ADJUVANT_AFTER_METASTASECTOMY";
  public static final String SYSTEMIC_BEFORE_TUMOUR_BOARD = "SYSTEMIC_BEFORE_TUMOUR_BOARD";
  public static final String CHEST_RADIOGRAPH_STAGING = "CHEST_RADIOGRAPH_STAGING";
  public static final String CYTOREDUCTIVE_NEPHRECTOMY = "CYTOREDUCTIVE_NEPHRECTOMY";

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
      OrderAlert adjuvant = adjuvantAfterCompleteMetastasectomy(a, order);
      if (adjuvant != null) {
        alerts.add(adjuvant);
      } else if (order.is(OrderKind.SYSTEMIC_THERAPY)) {
        addIfNotNull(alerts, systemicBeforeTumourBoard(a, order));
      }
      if (order.is(OrderKind.CHEST_RADIOGRAPH)) {
        addIfNotNull(alerts, chestRadiograph(a, order));
      }
      if (order.is(OrderKind.NEPHRECTOMY)) {
        addIfNotNull(alerts, cytoreductiveNephrectomy(a, order));
      }
    }
    return alerts;
  }

  /** Latest metastasectomy, when no current metastasis was recorded after it (complete metastasectomy). */
  public static Fact<LocalDate> completeMetastasectomy(PatientFeatures p) {
    Fact<LocalDate> last = p.metastasectomies().stream().filter(Fact::isKnown)
        .max(Comparator.comparing(Fact::value)).orElse(Fact.unknown());
    if (!last.isKnown()) {
      return Fact.unknown();
    }
    boolean newerDisease = p.currentMetastases().stream()
        .anyMatch(m -> m.onset().isKnown() && m.onset().value().isAfter(last.value()));
    return newerDisease ? Fact.unknown() : last;
  }

  private OrderAlert adjuvantAfterCompleteMetastasectomy(Assessment a, DraftOrder order) {
    if (!order.is(OrderKind.ADJUVANT_TRIAL_AGENT)) {
      return null;
    }
    Fact<LocalDate> done = completeMetastasectomy(a.features());
    if (!done.isKnown()) {
      return null;
    }
    return new OrderAlert(knowledge.orderRule(ADJUVANT_AFTER_METASTASECTOMY), order,
        List.of("metastasectomy on " + done.value() + " (" + done.source() + ") with no metastasis recorded since"));
  }

  private OrderAlert systemicBeforeTumourBoard(Assessment a, DraftOrder order) {
    if (a.candidacy() != Candidacy.FAVOURABLE || a.features().lastTumourBoard().isKnown()) {
      return null;
    }
    List<String> reasons = a.favourableMet().stream().map(r -> r.result().value()).toList();
    return new OrderAlert(knowledge.orderRule(SYSTEMIC_BEFORE_TUMOUR_BOARD), order, reasons);
  }

  private OrderAlert chestRadiograph(Assessment a, DraftOrder order) {
    OrderRuleDefinition rule = knowledge.orderRule(CHEST_RADIOGRAPH_STAGING);
    Fact<Integer> t = a.features().tStage();
    if (!t.isKnown() || t.value() < rule.threshold()) {
      return null;
    }
    return new OrderAlert(rule, order, List.of("primary tumour T" + t.value() + " (" + t.source() + ")"));
  }

  private OrderAlert cytoreductiveNephrectomy(Assessment a, DraftOrder order) {
    boolean synchronousMetastatic = a.features().metastatic() && a.synchronous().isKnown() && a.synchronous().value();
    boolean intermediateOrPoor = !a.imdc().groups().contains(RiskGroup.FAVORABLE);
    if (!synchronousMetastatic || !intermediateOrPoor) {
      return null;
    }
    return new OrderAlert(knowledge.orderRule(CYTOREDUCTIVE_NEPHRECTOMY), order,
        List.of("synchronous metastatic disease (" + a.features().sitesText() + ")", "IMDC " + a.imdc().describe()));
  }

  private static void addIfNotNull(List<OrderAlert> alerts, OrderAlert alert) {
    if (alert != null) {
      alerts.add(alert);
    }
  }
}
