package org.metastasectomy.cds.cards;

/** Kinds of card, for suppression and for counting feedback per card type. */
public enum CardType {
  TUMOUR_BOARD_REVIEW,
  ADJUVANT_AFTER_METASTASECTOMY,
  SYSTEMIC_BEFORE_TUMOUR_BOARD,
  CHEST_RADIOGRAPH_STAGING,
  CYTOREDUCTIVE_NEPHRECTOMY;

  public static CardType ofOrderRule(String ruleId) {
    return valueOf(ruleId);
  }
}
