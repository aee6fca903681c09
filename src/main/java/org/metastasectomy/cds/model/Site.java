package org.metastasectomy.cds.model;

/** Metastatic sites the evidence distinguishes (review Table 1 plus lymph nodes and adrenal). */
public enum Site {
  LUNG("lung"),
  BONE("bone"),
  LIVER("liver"),
  BRAIN("brain"),
  LYMPH_NODE("lymph node"),
  ADRENAL("adrenal"),
  OTHER("other site");

  private final String label;

  Site(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
