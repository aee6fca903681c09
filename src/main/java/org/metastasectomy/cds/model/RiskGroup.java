package org.metastasectomy.cds.model;

/** IMDC / MSKCC risk groups. */
public enum RiskGroup {
  FAVOURABLE("favourable"),
  INTERMEDIATE("intermediate"),
  POOR("poor");

  private final String label;

  RiskGroup(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
