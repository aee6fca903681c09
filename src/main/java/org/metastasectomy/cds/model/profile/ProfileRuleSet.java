package org.metastasectomy.cds.model.profile;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.metastasectomy.cds.model.Item;
import org.metastasectomy.cds.model.PatientFeatures;
import org.metastasectomy.cds.model.ProfileRule;
import org.metastasectomy.cds.model.RuleId;

/** Every rule object of the evidence profile, by id. A new rule's object goes in this package and in this list. */
public final class ProfileRuleSet {
  private ProfileRuleSet() {}

  private static final List<ProfileRule> RULES = List.of(
      new Solitary(),
      new OrganCount(RuleId.SINGLE_ORGAN, true),
      new OrganCount(RuleId.MULTI_ORGAN, false),
      new DiseaseFreeInterval(RuleId.DFI_LE_12, false),
      new AgeAbove(RuleId.AGE_GT_65),
      new BrainMetastasis(),
      new NonPulmonary(),
      new ClearCell(RuleId.NON_CLEAR_CELL, false),
      new Sarcomatoid(),
      new AtLeast(RuleId.HIGH_GRADE, Item.GRADE, PatientFeatures::grade),
      new AtLeast(RuleId.T_STAGE_GE_3, Item.T_CATEGORY, PatientFeatures::tStage),
      new AtLeast(RuleId.NODE_POSITIVE, Item.N_CATEGORY, PatientFeatures::nStage),
      new LungLesions(),
      new DiseaseFreeInterval(RuleId.LUNG_DFI_GT_23, true),
      new AgeAbove(RuleId.LUNG_AGE_GT_70),
      new AlkalinePhosphatase(),
      new Crp(),
      new BoneOnly(RuleId.BONE_NON_BONE_METASTASES, false),
      new BoneOnly(RuleId.BONE_ONLY, true),
      new ClearCell(RuleId.BONE_CLEAR_CELL, true),
      new Timing(RuleId.LIVER_METACHRONOUS, false),
      new Timing(RuleId.LIVER_SYNCHRONOUS, true),
      new EcogAbove());

  public static Map<RuleId, ProfileRule> all() {
    Map<RuleId, ProfileRule> out = new EnumMap<>(RuleId.class);
    RULES.forEach(r -> out.put(r.id(), r));
    return out;
  }
}
