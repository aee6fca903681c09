package org.metastasectomy.cds.model.orders;

import java.time.LocalDate;
import java.util.Comparator;
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
import org.metastasectomy.cds.model.PatientFeatures;

/** ADJUVANT_AFTER_METASTASECTOMY: a pazopanib or sorafenib order after a complete metastasectomy (E2810, RESORT). */
final class AdjuvantAfterMetastasectomy implements OrderRule {
  @Override
  public RuleId id() {
    return RuleId.ADJUVANT_AFTER_METASTASECTOMY;
  }

  @Override
  public Optional<FactorResult> evaluate(Assessment a, DraftOrder order, OrderRuleDefinition rule) {
    if (!covers(a, order)) {
      return Optional.empty();
    }
    Fact<LocalDate> done = completeMetastasectomy(a.features());
    return Optional.of(FactorResult.decided(id(), true, done.sources(), Datum.of(Item.METASTASECTOMY, done, null)));
  }

  /** Whether this warning covers the order (then the warning about systemic therapy before tumour board does not). */
  static boolean covers(Assessment a, DraftOrder order) {
    return order.is(OrderKind.ADJUVANT_TRIAL_AGENT) && completeMetastasectomy(a.features()).isKnown();
  }

  /** Latest metastasectomy, when no current metastasis was recorded after it (complete metastasectomy). */
  static Fact<LocalDate> completeMetastasectomy(PatientFeatures p) {
    Fact<LocalDate> last = p.metastasectomies().stream().filter(Fact::isKnown)
        .max(Comparator.comparing(Fact::value)).orElse(Fact.unknown());
    if (!last.isKnown()) {
      return Fact.unknown();
    }
    boolean newerDisease = p.currentMetastases().stream()
        .anyMatch(m -> m.onset().isKnown() && m.onset().value().isAfter(last.value()));
    return newerDisease ? Fact.unknown() : last;
  }
}
