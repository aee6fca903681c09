package org.metastasectomy.cds.model;

import java.time.LocalDate;

/**
 * Whether systemic therapy for metastatic disease has started, and when. Only a therapy started on or after the first
 * metastasis counts (adjuvant or neoadjuvant therapy around the nephrectomy does not), or any therapy when the patient
 * was M1 at diagnosis. UNKNOWN when the medication history could not be read, a therapy is undated, or a therapy exists
 * but the first metastasis is undated in a patient not M1 at diagnosis.
 *
 * @param start the start when STARTED; otherwise unknown, with the reason when UNKNOWN
 */
public record MetastaticTherapy(Status status, Fact<LocalDate> start) {

  public enum Status { STARTED, NOT_STARTED, UNKNOWN }

  static MetastaticTherapy started(Fact<LocalDate> start) {
    return new MetastaticTherapy(Status.STARTED, start);
  }

  static MetastaticTherapy notStarted() {
    return new MetastaticTherapy(Status.NOT_STARTED, Fact.unknown());
  }

  static MetastaticTherapy unknown(Reason why) {
    return new MetastaticTherapy(Status.UNKNOWN, Fact.unknown(why));
  }
}
