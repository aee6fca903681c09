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

/** BONE_ONLY and BONE_NON_BONE_METASTASES: whether a patient with bone metastases has current metastases elsewhere. */
final class BoneOnly implements ProfileRule {
  private final RuleId id;
  private final boolean boneOnlyIsMet;

  BoneOnly(RuleId id, boolean boneOnlyIsMet) {
    this.id = id;
    this.boneOnlyIsMet = boneOnlyIsMet;
  }

  @Override
  public RuleId id() {
    return id;
  }

  @Override
  public FactorResult evaluate(PatientFeatures p, RuleDefinition rule, long synchronousCutoffMonths) {
    List<Metastasis> elsewhere = p.currentMetastases().stream().filter(m -> m.site() != Site.BONE).toList();
    Datum others = Datum.of(Item.SITES_BESIDES_BONE, Metastases.sitesInRecordOrder(elsewhere), null, null,
        Metastases.sources(elsewhere));
    return FactorResult.decided(id, elsewhere.isEmpty() == boneOnlyIsMet, Metastases.sources(p.currentMetastases()), others);
  }
}
