package org.metastasectomy.cds.transparency;

import java.util.EnumMap;
import java.util.Map;
import java.util.function.Function;
import org.metastasectomy.cds.model.RuleId;

/**
 * Every cut-off with its unit, as the rules page writes it ("12 months", "1.5 × upper limit of normal", "T2"). A rule
 * with a cut-off and no entry here stops the page from rendering: a bare "12" is never shown (issue 12 item 9).
 */
final class CutOffs {
  private CutOffs() {}

  private static final Map<RuleId, Function<String, String>> UNITS = new EnumMap<>(RuleId.class);

  static {
    unit(" months", RuleId.DFI_LE_12, RuleId.LUNG_DFI_GT_23, RuleId.DIAG_TO_TREAT_LT_1Y);
    unit(" years of age", RuleId.AGE_GT_65, RuleId.LUNG_AGE_GT_70);
    unit(" lung metastases", RuleId.LUNG_FEWER_THAN_7);
    unit(" × upper limit of normal", RuleId.BONE_ALP_GT_1_5_ULN, RuleId.LDH_GT_1_5_ULN);
    unit(" mg/L", RuleId.BONE_CRP_GT_3);
    unit(" mg/dL", RuleId.CORR_CA_GT_10);
    unit("%", RuleId.KPS_LT_80);
    UNITS.put(RuleId.HIGH_GRADE, v -> "grade " + v);
    UNITS.put(RuleId.T_STAGE_GE_3, v -> "T" + v);
    UNITS.put(RuleId.CHEST_RADIOGRAPH_STAGING, v -> "T" + v);
    UNITS.put(RuleId.NODE_POSITIVE, v -> "N" + v);
    UNITS.put(RuleId.LIVER_ECOG_GT_0, v -> "ECOG " + v);
  }

  private static void unit(String unit, RuleId... ids) {
    for (RuleId id : ids) {
      UNITS.put(id, v -> v + unit);
    }
  }

  static String of(RuleId id, double threshold) {
    Function<String, String> unit = UNITS.get(id);
    if (unit == null) {
      throw new IllegalStateException("the cut-off of " + id + " has no unit in CutOffs: add one");
    }
    return unit.apply(Numbers.format(threshold));
  }
}
