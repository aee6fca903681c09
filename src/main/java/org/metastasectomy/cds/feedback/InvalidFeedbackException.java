package org.metastasectomy.cds.feedback;

/** A feedback request is malformed; {@link #field()} names what is wrong (HTTP 400). */
public class InvalidFeedbackException extends RuntimeException {
  private final String field;

  public InvalidFeedbackException(String field, String message) {
    super(message);
    this.field = field;
  }

  public String field() {
    return field;
  }
}
