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

/** BRAIN_METASTASIS: a current brain metastasis. Absent only when other sites are recorded; no sites at all is unknown. */
final class BrainMetastasis implements ProfileRule {
  @Override
  public RuleId id() {
    return RuleId.BRAIN_METASTASIS;
  }

  @Override
  public FactorResult evaluate(PatientFeatures p, RuleDefinition rule, long synchronousCutoffMonths) {
    List<Metastasis> brain = p.currentMetastases().stream().filter(m -> m.site() == Site.BRAIN).toList();
    if (!brain.isEmpty()) {
      List<String> sources = Metastases.sources(brain);
      return FactorResult.decided(id(), true, sources, Datum.of(Item.SITE, Site.BRAIN, null, null, sources));
    }
    if (p.currentSites().isEmpty()) {
      return FactorResult.unknown(id(), Reason.NOT_RECORDED, Datum.missing(Item.SITES, Reason.NOT_RECORDED));
    }
    Datum sites = Datum.of(Item.SITES, List.copyOf(p.currentSites()), null, null, Metastases.sources(p.currentMetastases()));
    return FactorResult.decided(id(), false, List.of(), sites);
  }
}
