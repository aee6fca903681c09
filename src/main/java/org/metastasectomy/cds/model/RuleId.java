package org.metastasectomy.cds.model;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Every rule the engine has an object for, by the id the knowledge file (cds-hooks/knowledge/model.yaml) gives it. At
 * start-up the knowledge loader checks both ways: a rule in the file with no object, or an object with no rule in the
 * file, stops the start.
 */
public enum RuleId {
  // evidence profile for metastasectomy (model.yaml "rules")
  SOLITARY(Kind.PROFILE),
  SINGLE_ORGAN(Kind.PROFILE),
  MULTI_ORGAN(Kind.PROFILE),
  DFI_LE_12(Kind.PROFILE),
  AGE_GT_65(Kind.PROFILE),
  BRAIN_METASTASIS(Kind.PROFILE),
  NON_PULMONARY(Kind.PROFILE),
  NON_CLEAR_CELL(Kind.PROFILE),
  SARCOMATOID(Kind.PROFILE),
  HIGH_GRADE(Kind.PROFILE),
  T_STAGE_GE_3(Kind.PROFILE),
  NODE_POSITIVE(Kind.PROFILE),
  LUNG_FEWER_THAN_7(Kind.PROFILE),
  LUNG_DFI_GT_23(Kind.PROFILE),
  LUNG_AGE_GT_70(Kind.PROFILE),
  BONE_ALP_GT_1_5_ULN(Kind.PROFILE),
  BONE_CRP_GT_3(Kind.PROFILE),
  BONE_NON_BONE_METASTASES(Kind.PROFILE),
  BONE_ONLY(Kind.PROFILE),
  BONE_CLEAR_CELL(Kind.PROFILE),
  LIVER_METACHRONOUS(Kind.PROFILE),
  LIVER_SYNCHRONOUS(Kind.PROFILE),
  LIVER_ECOG_GT_0(Kind.PROFILE),
  // factors of IMDC and MSKCC (model.yaml "imdc", "mskcc")
  KPS_LT_80(Kind.RISK_FACTOR),
  DIAG_TO_TREAT_LT_1Y(Kind.RISK_FACTOR),
  HB_LT_LLN(Kind.RISK_FACTOR),
  CORR_CA_GT_ULN(Kind.RISK_FACTOR),
  CORR_CA_GT_10(Kind.RISK_FACTOR),
  NEUTROPHILS_GT_ULN(Kind.RISK_FACTOR),
  PLATELETS_GT_ULN(Kind.RISK_FACTOR),
  LDH_GT_1_5_ULN(Kind.RISK_FACTOR),
  // order-time rules (model.yaml "orderRules")
  ADJUVANT_AFTER_METASTASECTOMY(Kind.ORDER),
  ADJUVANT_NED_UNCONFIRMED(Kind.ORDER),
  SYSTEMIC_BEFORE_TUMOUR_BOARD(Kind.ORDER),
  CHEST_RADIOGRAPH_STAGING(Kind.ORDER),
  CYTOREDUCTIVE_NEPHRECTOMY(Kind.ORDER);

  /** Which part of the knowledge file a rule belongs to. */
  public enum Kind { PROFILE, RISK_FACTOR, ORDER }

  private final Kind kind;

  RuleId(Kind kind) {
    this.kind = kind;
  }

  public Kind kind() {
    return kind;
  }

  public static Optional<RuleId> find(String id) {
    return Arrays.stream(values()).filter(r -> r.name().equals(id)).findFirst();
  }

  public static List<RuleId> of(Kind kind) {
    return Arrays.stream(values()).filter(r -> r.kind == kind).toList();
  }
}
