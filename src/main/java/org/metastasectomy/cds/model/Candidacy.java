package org.metastasectomy.cds.model;

/**
 * The overall reading of the evidence profile. The rule (knowledge file, "candidacy"): F = favourable factors met,
 * U = unfavourable factors met; FAVOURABLE if F ≥ 1 and U = 0, MIXED if both ≥ 1, UNFAVOURABLE if F = 0 and U ≥ 1,
 * INSUFFICIENT_DATA if both are 0.
 */
public enum Candidacy {
  FAVOURABLE("favourable"),
  MIXED("mixed"),
  UNFAVOURABLE("unfavourable"),
  INSUFFICIENT_DATA("insufficient data"),
  NOT_APPLICABLE("not applicable");

  private final String label;

  Candidacy(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  public static Candidacy of(long favourableMet, long unfavourableMet) {
    if (favourableMet > 0) {
      return unfavourableMet > 0 ? MIXED : FAVOURABLE;
    }
    return unfavourableMet > 0 ? UNFAVOURABLE : INSUFFICIENT_DATA;
  }
}
