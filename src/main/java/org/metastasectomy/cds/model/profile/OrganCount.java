package org.metastasectomy.cds.model.profile;

import java.util.List;
import java.util.Set;
import org.metastasectomy.cds.model.Datum;
import org.metastasectomy.cds.model.FactorResult;
import org.metastasectomy.cds.model.Item;
import org.metastasectomy.cds.model.PatientFeatures;
import org.metastasectomy.cds.model.ProfileRule;
import org.metastasectomy.cds.model.Reason;
import org.metastasectomy.cds.model.RuleDefinition;
import org.metastasectomy.cds.model.RuleId;
import org.metastasectomy.cds.model.Site;

/** SINGLE_ORGAN and MULTI_ORGAN: how many organs hold a current metastasis. */
final class OrganCount implements ProfileRule {
  private final RuleId id;
  private final boolean singleIsMet;

  OrganCount(RuleId id, boolean singleIsMet) {
    this.id = id;
    this.singleIsMet = singleIsMet;
  }

  @Override
  public RuleId id() {
    return id;
  }

  @Override
  public FactorResult evaluate(PatientFeatures p, RuleDefinition rule, long synchronousCutoffMonths) {
    Set<Site> sites = p.currentSites();
    if (sites.isEmpty()) {
      return FactorResult.unknown(id, Reason.NOT_RECORDED, Datum.missing(Item.SITES, Reason.NOT_RECORDED));
    }
    List<String> sources = Metastases.sources(p.currentMetastases());
    Datum datum = Datum.of(Item.SITES, List.copyOf(sites), null, null, sources);
    return FactorResult.decided(id, singleIsMet == (sites.size() == 1), sources, datum);
  }
}
