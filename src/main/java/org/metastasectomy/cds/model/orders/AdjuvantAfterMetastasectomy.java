package org.metastasectomy.cds.model.orders;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.metastasectomy.cds.model.Assessment;
import org.metastasectomy.cds.model.Datum;
import org.metastasectomy.cds.model.DraftOrder;
import org.metastasectomy.cds.model.Fact;
import org.metastasectomy.cds.model.FactorResult;
import org.metastasectomy.cds.model.Item;
import org.metastasectomy.cds.model.Metastasectomy;
import org.metastasectomy.cds.model.Metastasis;
import org.metastasectomy.cds.model.OrderKind;
import org.metastasectomy.cds.model.OrderRule;
import org.metastasectomy.cds.model.OrderRuleDefinition;
import org.metastasectomy.cds.model.RuleId;
import org.metastasectomy.cds.model.Sources;

/**
 * ADJUVANT_AFTER_METASTASECTOMY (warning, suggests removing the order) and ADJUVANT_NED_UNCONFIRMED (information, no
 * suggestion): a pazopanib or sorafenib order after metastasectomy. The trials (E2810, RESORT) enrolled patients with
 * no evidence of disease after complete resection, so the warning needs that established ({@link Resection#COMPLETE});
 * where it cannot be established the card only asks to confirm it; with disease present (an active metastasis, an
 * incomplete resection) the order is standard therapy for metastatic disease and no card is given.
 */
final class AdjuvantAfterMetastasectomy implements OrderRule {
  private final RuleId id;
  private final Resection fires;

  private AdjuvantAfterMetastasectomy(RuleId id, Resection fires) {
    this.id = id;
    this.fires = fires;
  }

  static AdjuvantAfterMetastasectomy warning() {
    return new AdjuvantAfterMetastasectomy(RuleId.ADJUVANT_AFTER_METASTASECTOMY, Resection.COMPLETE);
  }

  static AdjuvantAfterMetastasectomy unconfirmed() {
    return new AdjuvantAfterMetastasectomy(RuleId.ADJUVANT_NED_UNCONFIRMED, Resection.UNCONFIRMED);
  }

  @Override
  public RuleId id() {
    return id;
  }

  @Override
  public Optional<FactorResult> evaluate(Assessment a, DraftOrder order, OrderRuleDefinition rule) {
    if (!order.is(OrderKind.ADJUVANT_TRIAL_AGENT) || Resection.of(a.features()) != fires) {
      return Optional.empty();
    }
    List<Metastasectomy> surgeries = a.features().metastasectomies();
    List<Metastasis> metastases = a.features().metastases();
    List<String> sources = Sources.join(surgeries.stream().map(Metastasectomy::source).toList(),
        metastases.stream().map(Metastasis::source).toList());
    Fact<LocalDate> last = surgeries.stream().map(Metastasectomy::date).filter(Fact::isKnown)
        .max(Comparator.comparing(Fact::value)).orElse(Fact.unknown());
    return Optional.of(FactorResult.decided(id, true, sources,
        Datum.from(Item.METASTASECTOMY, last, null),
        Datum.of(Item.METASTASIS_STATUS, metastases.stream().map(m -> m.site().label() + ": " + m.status().label()).toList(),
            null, null, metastases.stream().map(Metastasis::source).toList())));
  }

  /** Whether an adjuvant card covers the order (then the card about systemic therapy before tumour board does not). */
  static boolean covers(Assessment a, DraftOrder order) {
    Resection r = Resection.of(a.features());
    return order.is(OrderKind.ADJUVANT_TRIAL_AGENT) && (r == Resection.COMPLETE || r == Resection.UNCONFIRMED);
  }
}
