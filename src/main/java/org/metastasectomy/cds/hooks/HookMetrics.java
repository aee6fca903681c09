package org.metastasectomy.cds.hooks;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;
import org.metastasectomy.cds.cards.IssuedCard;

/**
 * The hooks' metrics, in one place: {@code cds_hook_seconds} (latency per service and HTTP status, the one histogram)
 * and {@code cds_cards_total} (cards issued per card type). Warm-up runs are not counted.
 */
final class HookMetrics {
  private final MeterRegistry registry;

  HookMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  void answered(String serviceId, int httpStatus, Duration elapsed) {
    registry.timer("cds.hook", "service", serviceId, "status", String.valueOf(httpStatus)).record(elapsed);
  }

  void issued(List<IssuedCard> cards) {
    cards.forEach(c -> registry.counter("cds.cards", "type", c.type().name()).increment());
  }
}
