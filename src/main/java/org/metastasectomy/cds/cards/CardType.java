package org.metastasectomy.cds.cards;

import org.metastasectomy.cds.model.RuleId;

/** Kinds of card, for suppression and for counting feedback per card type (the names are stored: never rename one). */
public enum CardType {
  TUMOUR_BOARD_REVIEW,
  ADJUVANT_AFTER_METASTASECTOMY,
  ADJUVANT_NED_UNCONFIRMED,
  SYSTEMIC_BEFORE_TUMOUR_BOARD,
  CHEST_RADIOGRAPH_STAGING,
  CYTOREDUCTIVE_NEPHRECTOMY;

  /** The card an order-time rule gives. */
  public static CardType of(RuleId orderRule) {
    return switch (orderRule) {
      case ADJUVANT_AFTER_METASTASECTOMY -> ADJUVANT_AFTER_METASTASECTOMY;
      case ADJUVANT_NED_UNCONFIRMED -> ADJUVANT_NED_UNCONFIRMED;
      case SYSTEMIC_BEFORE_TUMOUR_BOARD -> SYSTEMIC_BEFORE_TUMOUR_BOARD;
      case CHEST_RADIOGRAPH_STAGING -> CHEST_RADIOGRAPH_STAGING;
      case CYTOREDUCTIVE_NEPHRECTOMY -> CYTOREDUCTIVE_NEPHRECTOMY;
      default -> throw new IllegalArgumentException(orderRule + " is not an order-time rule");
    };
  }
}
