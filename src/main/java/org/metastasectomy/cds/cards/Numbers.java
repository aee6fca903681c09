package org.metastasectomy.cds.cards;

/** Numbers as a card shows them: whole numbers without a decimal point, others to at most two decimals. */
final class Numbers {
  private Numbers() {}

  static String fmt(double v) {
    if (v == Math.rint(v)) {
      return String.valueOf((long) v);
    }
    return String.valueOf(Math.round(v * 100.0) / 100.0);
  }
}
