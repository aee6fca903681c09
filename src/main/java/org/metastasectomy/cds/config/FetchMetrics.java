package org.metastasectomy.cds.config;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import org.metastasectomy.cds.intake.FetchListener;

/**
 * Prometheus {@code cds_fhir_fetch_seconds}: prefetch keys fetched from the EHR's FHIR server (the fallback when the
 * EHR did not prefetch), by outcome (success, failure) and reason (ok, not_allowed, timeout, circuit_open, http_4xx,
 * http_5xx, too_large, unreachable).
 */
final class FetchMetrics implements FetchListener {
  private final MeterRegistry registry;

  FetchMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  @Override
  public void fetched(String outcome, Duration elapsed) {
    Timer.builder("cds.fhir.fetch")
        .description("Prefetch keys fetched from the EHR's FHIR server")
        .tag("outcome", outcome.equals("ok") ? "success" : "failure")
        .tag("reason", outcome)
        .publishPercentileHistogram()
        .register(registry)
        .record(elapsed);
  }
}
