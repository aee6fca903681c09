package org.metastasectomy.cds.reading;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.parser.LenientErrorHandler;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.metastasectomy.cds.intake.PrefetchData;

/** Opens a request's data for reading, with the shared FHIR context's lenient parser (it logs no patient data). */
public final class PatientRecords {
  private final FhirContext fhir;
  private final ObjectMapper json;

  public PatientRecords(FhirContext fhir, ObjectMapper json) {
    this.fhir = fhir;
    this.json = json;
  }

  public PatientRecordReader read(PrefetchData data) {
    return new PatientRecordReader(data, this::parser, json);
  }

  private IParser parser() {
    return fhir.newJsonParser().setParserErrorHandler(new LenientErrorHandler(false));
  }
}
