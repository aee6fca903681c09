package org.metastasectomy.cds.model.orders;

import java.util.List;
import java.util.Optional;
import org.metastasectomy.cds.model.Assessment;
import org.metastasectomy.cds.model.Candidacy;
import org.metastasectomy.cds.model.Datum;
import org.metastasectomy.cds.model.DraftOrder;
import org.metastasectomy.cds.model.FactorResult;
import org.metastasectomy.cds.model.Item;
import org.metastasectomy.cds.model.MetastaticTherapy;
import org.metastasectomy.cds.model.OrderKind;
import org.metastasectomy.cds.model.OrderRule;
import org.metastasectomy.cds.model.OrderRuleDefinition;
import org.metastasectomy.cds.model.PatientFeatures;
import org.metastasectomy.cds.model.RuleId;
import org.metastasectomy.cds.model.RuleResult;
import org.metastasectomy.cds.model.Sources;
import org.metastasectomy.cds.model.SystemicTherapy;
import org.metastasectomy.cds.model.Timeline;

/**
 * SYSTEMIC_BEFORE_TUMOUR_BOARD: an RCC systemic therapy order, not covered by the adjuvant cards, while the evidence
 * profile is favourable and no tumour board review is documented — only before first-line therapy for metastatic
 * disease (the decision the evidence is about): not once a therapy for metastatic disease was started (or when that
 * cannot be told), not for a renewal, not for the same agent already running (a dose change). Its reasons are the
 * favourable factors met.
 */
final class SystemicBeforeTumourBoard implements OrderRule {
  @Override
  public RuleId id() {
    return RuleId.SYSTEMIC_BEFORE_TUMOUR_BOARD;
  }

  @Override
  public Optional<FactorResult> evaluate(Assessment a, DraftOrder order, OrderRuleDefinition rule) {
    if (!order.is(OrderKind.SYSTEMIC_THERAPY) || AdjuvantAfterMetastasectomy.covers(a, order)
        || a.candidacy() != Candidacy.FAVOURABLE || a.features().lastTumourBoard().isKnown()
        || !beforeFirstLine(a.features(), order)) {
      return Optional.empty();
    }
    List<RuleResult> favourable = a.favourableMet();
    List<String> sources = Sources.join(favourable.stream().flatMap(r -> r.result().sources().stream()).toList());
    return Optional.of(FactorResult.decided(id(), true, sources,
        Datum.of(Item.CANDIDACY, a.candidacy(), null, null, List.of()),
        Datum.of(Item.FAVOURABLE_FACTORS, favourable, null, null, sources),
        Datum.missing(Item.TUMOUR_BOARD_REVIEW, a.features().lastTumourBoard().why())));
  }

  /** The order would start first-line therapy for metastatic disease. */
  static boolean beforeFirstLine(PatientFeatures p, DraftOrder order) {
    if (order.renewal() || Timeline.metastaticTherapy(p).status() != MetastaticTherapy.Status.NOT_STARTED) {
      return false;
    }
    List<SystemicTherapy> given = p.systemicTherapies().value();
    return order.agent() == null || given.stream().noneMatch(t -> t.running() && t.agent().equals(order.agent()));
  }
}
