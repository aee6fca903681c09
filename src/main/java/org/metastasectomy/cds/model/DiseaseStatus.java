package org.metastasectomy.cds.model;

/**
 * A metastasis Condition's clinicalStatus (FHIR condition-clinical): active, recurrence and relapse are active disease;
 * inactive, remission and resolved are not; no status (or a code we do not know) is not recorded.
 */
public enum DiseaseStatus {
  ACTIVE("active"),
  NOT_ACTIVE("not active"),
  NOT_RECORDED("status not recorded");

  private final String label;

  DiseaseStatus(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
