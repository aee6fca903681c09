package org.metastasectomy.cds.hooks;

import org.metastasectomy.cds.reading.InvalidPrefetchException;
import org.metastasectomy.cds.intake.PrefetchUnavailableException;

/** The HTTP status each domain exception maps to (used by the error handler and the audit). */
final class ErrorStatus {
  private ErrorStatus() {}

  static int of(Throwable e) {
    if (e instanceof BadRequestException || e instanceof InvalidPrefetchException) {
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
}
