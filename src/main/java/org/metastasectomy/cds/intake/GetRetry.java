package org.metastasectomy.cds.intake;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * At most one retry of an idempotent GET to the EHR's FHIR server: only when the connection could not be made or
 * was dropped, or the server answered 5xx ({@link FetchFailure#retryable}), and only when enough of the request's
 * deadline is left for a new connection. A read timeout is never retried (a slow server would only be slow twice), nor
 * a 4xx, a bad body, an answer over the cap, or a fetch the deadline stopped.
 */
final class GetRetry {
  private final Duration minimumLeft;

  /** @param minimumLeft time that must remain before the deadline to start the retry (the connect timeout) */
  GetRetry(Duration minimumLeft) {
    this.minimumLeft = minimumLeft;
  }

  <T> T get(Supplier<T> call, KeyFetch fetch) {
    try {
      return call.get();
    } catch (FetchFailure first) {
      if (!first.retryable() || fetch.aborted() || fetch.millisLeft() < minimumLeft.toMillis()) {
        throw first;
      }
      return call.get();
    }
  }
}
