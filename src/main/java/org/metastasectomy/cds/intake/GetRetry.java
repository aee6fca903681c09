package org.metastasectomy.cds.intake;

import ca.uhn.fhir.rest.client.exceptions.FhirClientConnectionException;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import java.net.ConnectException;
import java.net.SocketException;
import java.time.Duration;
import java.util.function.Supplier;
import org.apache.http.NoHttpResponseException;
import org.apache.http.conn.ConnectTimeoutException;

/**
 * At most one retry of an idempotent GET to the EHR's FHIR server: only when the connection could not be made or
 * was dropped, or the server answered 5xx, and only when enough of the request's deadline is left for a new
 * connection. A read timeout is never retried (a slow server would only be slow twice), nor a 4xx or a bad body.
 */
final class GetRetry {
  private final Duration minimumLeft;

  /** @param minimumLeft time that must remain before the deadline to start the retry (the connect timeout) */
  GetRetry(Duration minimumLeft) {
    this.minimumLeft = minimumLeft;
  }

  <T> T get(Supplier<T> call, long deadlineNanos) {
    try {
      return call.get();
    } catch (RuntimeException first) {
      if (!retryable(first) || deadlineNanos - System.nanoTime() < minimumLeft.toNanos()) {
        throw first;
      }
      return call.get();
    }
  }

  static boolean retryable(RuntimeException e) {
    if (e instanceof FhirClientConnectionException) {
      return connectionFailure(e.getCause());
    }
    return e instanceof BaseServerResponseException r && r.getStatusCode() >= 500;
  }

  /** Connect refused or timed out, a stale pooled connection, or a reset: the request may not have been served. */
  private static boolean connectionFailure(Throwable cause) {
    for (Throwable t = cause; t != null; t = t.getCause()) {
      if (t instanceof ConnectException || t instanceof ConnectTimeoutException || t instanceof NoHttpResponseException
          || t instanceof SocketException) {
        return true;
      }
    }
    return false;
  }
}
