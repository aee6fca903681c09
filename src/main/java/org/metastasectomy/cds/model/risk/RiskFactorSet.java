package org.metastasectomy.cds.model.risk;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.metastasectomy.cds.model.Lab;
import org.metastasectomy.cds.model.Reason.Limit;
import org.metastasectomy.cds.model.RiskFactor;
import org.metastasectomy.cds.model.RuleId;

/**
 * Every factor object of IMDC (Heng 2009) and MSKCC (Motzer 2002), by id; a factor both models share is one object.
 * A new factor's object goes in this package and in this list.
 */
public final class RiskFactorSet {
  private RiskFactorSet() {}

  private static final List<RiskFactor> FACTORS = List.of(
      new KarnofskyBelow(),
      new DiagnosisToTreatment(),
      new LimitOfNormal(RuleId.HB_LT_LLN, Lab.HAEMOGLOBIN, Limit.LOWER),
      new CorrectedCalcium(RuleId.CORR_CA_GT_ULN, true),
      new CorrectedCalcium(RuleId.CORR_CA_GT_10, false),
      new LimitOfNormal(RuleId.NEUTROPHILS_GT_ULN, Lab.NEUTROPHILS, Limit.UPPER),
      new LimitOfNormal(RuleId.PLATELETS_GT_ULN, Lab.PLATELETS, Limit.UPPER),
      new LimitOfNormal(RuleId.LDH_GT_1_5_ULN, Lab.LDH, Limit.UPPER));

  public static Map<RuleId, RiskFactor> all() {
    Map<RuleId, RiskFactor> out = new EnumMap<>(RuleId.class);
    FACTORS.forEach(f -> out.put(f.id(), f));
    return out;
  }
}
