package org.metastasectomy.cds.intake;

import java.time.Duration;

/** Told of every prefetch key fetched from an EHR's FHIR server, for metrics. No URLs, tokens or patient data. */
@FunctionalInterface
public interface FetchListener {
  FetchListener NONE = (outcome, elapsed) -> {};

  /**
   * @param outcome {@code ok}, or why not: {@code not_allowed}, {@code timeout}, {@code circuit_open},
   *     {@code http_4xx}, {@code http_5xx}, {@code too_large} (a cap on the answer), {@code unreachable}
   */
  void fetched(String outcome, Duration elapsed);
}
