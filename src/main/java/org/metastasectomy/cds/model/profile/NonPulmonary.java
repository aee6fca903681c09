package org.metastasectomy.cds.model.profile;

import java.util.List;
import org.metastasectomy.cds.model.Datum;
import org.metastasectomy.cds.model.FactorResult;
import org.metastasectomy.cds.model.Item;
import org.metastasectomy.cds.model.PatientFeatures;
import org.metastasectomy.cds.model.ProfileRule;
import org.metastasectomy.cds.model.RuleDefinition;
import org.metastasectomy.cds.model.RuleId;
import org.metastasectomy.cds.model.Metastasis;
import org.metastasectomy.cds.model.Reason;
import org.metastasectomy.cds.model.Site;

/** NON_PULMONARY: a current metastasis outside the lung; its sources are the Conditions outside the lung. */
final class NonPulmonary implements ProfileRule {
  @Override
  public RuleId id() {
    return RuleId.NON_PULMONARY;
  }

  @Override
  public FactorResult evaluate(PatientFeatures p, RuleDefinition rule, long synchronousCutoffMonths) {
    if (p.currentSites().isEmpty()) {
      return FactorResult.unknown(id(), Reason.NOT_RECORDED, Datum.missing(Item.SITES, Reason.NOT_RECORDED));
    }
    List<Metastasis> outside = p.currentMetastases().stream().filter(m -> m.site() != Site.LUNG).toList();
    List<String> all = Metastases.sources(p.currentMetastases());
    Datum sites = Datum.of(Item.SITES, List.copyOf(p.currentSites()), null, null, all);
    return FactorResult.decided(id(), !outside.isEmpty(), outside.isEmpty() ? all : Metastases.sources(outside), sites);
  }
}
