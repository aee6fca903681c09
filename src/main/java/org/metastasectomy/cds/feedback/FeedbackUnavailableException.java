package org.metastasectomy.cds.feedback;

/** The feedback store cannot be written now; the EHR may retry (HTTP 503). */
public class FeedbackUnavailableException extends RuntimeException {
  public FeedbackUnavailableException(Throwable cause) {
    super("feedback store unavailable", cause);
  }
}
