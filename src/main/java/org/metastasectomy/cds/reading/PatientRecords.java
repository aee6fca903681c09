package org.metastasectomy.cds.reading;

import ca.uhn.fhir.context.FhirContext;
import org.metastasectomy.cds.intake.PrefetchData;

/** Opens a request's data for reading, with the shared FHIR context's lenient parser (it logs no patient data). */
public final class PatientRecords {
  private final FhirContext fhir;

  public PatientRecords(FhirContext fhir) {
    this.fhir = fhir;
  }

  public PatientRecordReader read(PrefetchData data) {
    return new PatientRecordReader(data, () -> new TreeJsonParser(fhir));
  }
}
