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
import org.metastasectomy.cds.model.Site;

/** LUNG_FEWER_THAN_7: the recorded lesion counts of the lung metastases, summed; any unrecorded count makes it unknown. */
final class LungLesions implements ProfileRule {
  @Override
  public RuleId id() {
    return RuleId.LUNG_FEWER_THAN_7;
  }

  @Override
  public FactorResult evaluate(PatientFeatures p, RuleDefinition rule, long synchronousCutoffMonths) {
    List<Metastasis> lung = p.currentMetastases().stream().filter(m -> m.site() == Site.LUNG).toList();
    for (Metastasis m : lung) {
      if (!m.lesionCount().isKnown()) {
        return FactorResult.missing(id(), Datum.missing(Item.LUNG_LESIONS, m.lesionCount().why()));
      }
    }
    int count = lung.stream().mapToInt(m -> m.lesionCount().value()).sum();
    List<String> sources = Metastases.sources(lung);
    return FactorResult.decided(id(), count < rule.thresholdValue(), sources,
        Datum.of(Item.LUNG_LESIONS, count, null, null, sources));
  }
}
