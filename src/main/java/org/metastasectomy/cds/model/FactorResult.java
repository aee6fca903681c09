package org.metastasectomy.cds.model;

/**
 * One evaluated factor.
 *
 * @param value the patient's value as a clinician would read it ("ECOG 1", "DFI 31 months"), or "not recorded"
 * @param source the FHIR reference(s) the value came from, empty when unknown
 */
public record FactorResult(String id, FactorStatus status, String value, String source) {

  public static FactorResult unknown(String id, String missing) {
    return new FactorResult(id, FactorStatus.UNKNOWN, missing, "");
  }
}
