package org.metastasectomy.cds.model;

/** Primary tumour histology by ICD-O-3 morphology (clinical-notes.md 4.1). */
public enum Histology {
  CLEAR_CELL("clear cell", "8310/3"),
  PAPILLARY("papillary", "8260/3"),
  CHROMOPHOBE("chromophobe", "8317/3"),
  SARCOMATOID("sarcomatoid", "8318/3"),
  COLLECTING_DUCT("collecting duct", "8319/3"),
  RCC_NOS("renal cell carcinoma, NOS", "8312/3");

  private final String label;
  private final String icdO3;

  Histology(String label, String icdO3) {
    this.label = label;
    this.icdO3 = icdO3;
  }

  public String label() {
    return label;
  }

  public String icdO3() {
    return icdO3;
  }

  public static Histology fromIcdO3(String code) {
    for (Histology h : values()) {
      if (h.icdO3.equals(code)) {
        return h;
      }
    }
    return null;
  }
}
