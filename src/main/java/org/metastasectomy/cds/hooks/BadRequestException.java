package org.metastasectomy.cds.hooks;

/** The request is malformed; {@link #field()} names what is wrong (HTTP 400). */
public class BadRequestException extends RuntimeException {
  private final String field;

  public BadRequestException(String field, String message) {
    super(message);
    this.field = field;
  }

  public String field() {
    return field;
  }
}
