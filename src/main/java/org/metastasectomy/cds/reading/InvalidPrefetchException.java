package org.metastasectomy.cds.reading;

/** A prefetch value is not FHIR R4 JSON of the expected kind (HTTP 400, naming the key). */
public class InvalidPrefetchException extends RuntimeException {
  private final String field;

  public InvalidPrefetchException(String field, String message) {
    super(message);
    this.field = field;
  }

  public String field() {
    return field;
  }
}
