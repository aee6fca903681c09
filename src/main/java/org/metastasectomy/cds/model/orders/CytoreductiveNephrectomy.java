package org.metastasectomy.cds.model.orders;

import java.util.List;
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
import org.metastasectomy.cds.model.Metastasis;
import org.metastasectomy.cds.model.RiskGroup;
import org.metastasectomy.cds.model.Sources;

/**
 * CYTOREDUCTIVE_NEPHRECTOMY: a nephrectomy order when the disease is metastatic and synchronous and the IMDC group
 * cannot be favourable.
 */
final class CytoreductiveNephrectomy implements OrderRule {
  @Override
  public RuleId id() {
    return RuleId.CYTOREDUCTIVE_NEPHRECTOMY;
  }

  @Override
  public Optional<FactorResult> evaluate(Assessment a, DraftOrder order, OrderRuleDefinition rule) {
    boolean synchronousMetastatic = a.features().metastatic() && a.synchronous().isKnown() && a.synchronous().value();
    boolean intermediateOrPoor = !a.imdc().groups().contains(RiskGroup.FAVOURABLE);
    if (!order.is(OrderKind.NEPHRECTOMY) || !synchronousMetastatic || !intermediateOrPoor) {
      return Optional.empty();
    }
    List<String> metastases = Sources.join(a.features().currentMetastases().stream().map(Metastasis::source).toList());
    return Optional.of(FactorResult.decided(id(), true, a.synchronous().sources(),
        Datum.of(Item.SYNCHRONOUS, a.synchronous(), null),
        Datum.of(Item.SITES, List.copyOf(a.features().currentSites()), null, null, metastases),
        Datum.of(Item.IMDC, a.imdc(), null, null, List.of())));
  }
}
