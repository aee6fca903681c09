package org.metastasectomy.cds.hooks;

/** The body exceeds cds.limits.max-body (HTTP 413). */
public class PayloadTooLargeException extends RuntimeException {
  public PayloadTooLargeException(long limit) {
    super("request body exceeds the limit of " + limit + " bytes");
  }
}
