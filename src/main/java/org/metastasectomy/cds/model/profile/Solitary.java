package org.metastasectomy.cds.model.profile;

import java.util.List;
import org.metastasectomy.cds.model.Datum;
import org.metastasectomy.cds.model.FactorResult;
import org.metastasectomy.cds.model.Item;
import org.metastasectomy.cds.model.Metastasis;
import org.metastasectomy.cds.model.PatientFeatures;
import org.metastasectomy.cds.model.ProfileRule;
import org.metastasectomy.cds.model.Reason;
import org.metastasectomy.cds.model.RuleDefinition;
import org.metastasectomy.cds.model.RuleId;
import org.metastasectomy.cds.model.Sources;

/** SOLITARY: one current metastasis Condition with a recorded count of one lesion. An unrecorded count is unknown, never one. */
final class Solitary implements ProfileRule {
  @Override
  public RuleId id() {
    return RuleId.SOLITARY;
  }

  @Override
  public FactorResult evaluate(PatientFeatures p, RuleDefinition rule, long synchronousCutoffMonths) {
    List<Metastasis> current = p.currentMetastases();
    if (current.size() > 1) {
      List<String> sources = Metastases.sources(current);
      return FactorResult.decided(id(), false, sources, Datum.of(Item.METASTASIS_RECORDS, current.size(), null, null, sources));
    }
    if (current.isEmpty()) {
      return FactorResult.unknown(id(), Reason.NOT_RECORDED, Datum.missing(Item.SITE, Reason.NOT_RECORDED));
    }
    Metastasis m = current.get(0);
    Datum site = Datum.of(Item.SITE, m.site(), null, null, Sources.of(m.source()));
    if (!m.lesionCount().isKnown()) {
      return FactorResult.unknown(id(), m.lesionCount().why(), Datum.missing(Item.LESIONS, m.lesionCount().why()), site);
    }
    Datum lesions = Datum.of(Item.LESIONS, m.lesionCount(), null);
    return FactorResult.decided(id(), m.lesionCount().value() == 1, Sources.of(m.source()), lesions, site);
  }
}
