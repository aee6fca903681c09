package org.metastasectomy.cds.intake;

/**
 * Why one GET to the EHR's FHIR server gave no usable answer. The message is for the 412's OperationOutcome and the
 * log: never a response body, a URL or a token.
 */
final class FetchFailure extends RuntimeException {
  /** What went wrong, with its metric tag (FetchListener). */
  enum Kind {
    CONNECTION("unreachable"), READ_TIMEOUT("unreachable"), DEADLINE("timeout"), HTTP_STATUS("http"),
    NOT_FHIR("unreachable"), INVALID("unreachable"), TOO_LARGE("too_large");

    final String outcome;

    Kind(String outcome) {
      this.outcome = outcome;
    }
  }

  private final Kind kind;
  private final int status;
  private final boolean retryable;

  FetchFailure(Kind kind, String message, boolean retryable) {
    this(kind, 0, message, retryable);
  }

  private FetchFailure(Kind kind, int status, String message, boolean retryable) {
    super(message, null, false, false);
    this.kind = kind;
    this.status = status;
    this.retryable = retryable;
  }

  static FetchFailure httpStatus(int status) {
    return new FetchFailure(Kind.HTTP_STATUS, status, "FHIR server answered HTTP " + status, status >= 500);
  }

  Kind kind() {
    return kind;
  }

  /** The metric tag: ok is never a failure; http_4xx / http_5xx by status. */
  String outcome() {
    if (kind == Kind.HTTP_STATUS) {
      return status < 500 ? "http_4xx" : "http_5xx";
    }
    return kind.outcome;
  }

  /** The request may not have been served (no connection, a reset, a 5xx): one retry may help. */
  boolean retryable() {
    return retryable;
  }

  /** A 4xx (an expired token, an unknown patient) says nothing about the server's health; everything else does. */
  boolean countsAgainstServer() {
    return !(kind == Kind.HTTP_STATUS && status < 500);
  }
}
