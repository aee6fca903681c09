package org.metastasectomy.cds.hooks;

import java.util.List;
import org.metastasectomy.cds.feedback.FeedbackUnavailableException;
import org.metastasectomy.cds.feedback.InvalidFeedbackException;
import org.metastasectomy.cds.intake.PrefetchUnavailableException;
import org.metastasectomy.cds.reading.InvalidFhirInputException;

/** The HTTP status each domain exception maps to, and what it names, for the error handler and the audit. */
final class ErrorStatus {
  private ErrorStatus() {}

  static int of(Throwable e) {
    if (e instanceof BadRequestException || e instanceof InvalidFhirInputException || e instanceof InvalidFeedbackException) {
      return 400;
    }
    if (e instanceof UnknownServiceException) {
      return 404;
    }
    if (e instanceof PayloadTooLargeException) {
      return 413;
    }
    if (e instanceof PrefetchUnavailableException) {
      return 412;
    }
    if (e instanceof FeedbackUnavailableException) {
      return 503;
    }
    return 500;
  }

  /** The request field a 400 names, or null. */
  static String field(Throwable e) {
    if (e instanceof BadRequestException b) {
      return b.field();
    }
    if (e instanceof InvalidFhirInputException f) {
      return f.field();
    }
    return e instanceof InvalidFeedbackException f ? f.field() : null;
  }

  /** The required prefetch keys a 412 names. */
  static List<String> unavailableKeys(Throwable e) {
    return e instanceof PrefetchUnavailableException u ? u.keys() : List.of();
  }
}
