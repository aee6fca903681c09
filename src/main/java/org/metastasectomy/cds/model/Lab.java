package org.metastasectomy.cds.model;

/** Laboratory values the models read, with the canonical unit each is converted to. */
public enum Lab implements Measure {
  HAEMOGLOBIN("haemoglobin", "g/dL"),
  CALCIUM("calcium", "mg/dL"),
  ALBUMIN("albumin", "g/dL"),
  NEUTROPHILS("neutrophils", "10*9/L"),
  PLATELETS("platelets", "10*9/L"),
  LDH("LDH", "U/L"),
  ALKALINE_PHOSPHATASE("alkaline phosphatase", "U/L"),
  CRP("CRP", "mg/L");

  private final String label;
  private final String canonicalUnit;

  Lab(String label, String canonicalUnit) {
    this.label = label;
    this.canonicalUnit = canonicalUnit;
  }

  @Override
  public String label() {
    return label;
  }

  public String canonicalUnit() {
    return canonicalUnit;
  }

  /** A lab value is a number in the canonical unit. */
  @Override
  public Class<?> type() {
    return Double.class;
  }
}
