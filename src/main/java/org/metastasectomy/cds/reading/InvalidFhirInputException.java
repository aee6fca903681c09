package org.metastasectomy.cds.reading;

/**
 * A FHIR input of the request — a prefetch key or the draft orders — is not FHIR R4 JSON of the expected kind (HTTP
 * 400, naming the field).
 */
public class InvalidFhirInputException extends RuntimeException {
  private final String field;

  public InvalidFhirInputException(String field, String message) {
    super(message);
    this.field = field;
  }

  public String field() {
    return field;
  }
}
