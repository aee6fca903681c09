package org.metastasectomy.cds.hooks;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.metastasectomy.cds.cards.IssuedCard;

/**
 * The hooks' metrics, in one place: {@code cds_hook_seconds} (latency per service and HTTP status, the one histogram)
 * and {@code cds_cards_total} (cards issued per card type). Warm-up runs are not counted.
 */
final class HookMetrics {
  private final MeterRegistry registry;
  /**
   * The meters once looked up, by service and status (and card type): the registry's lookup builds and sorts tags on
   * every call. Bounded: services come from the catalogue, statuses and card types are a handful.
   */
  private final Map<String, Timer> timers = new ConcurrentHashMap<>();
  private final Map<String, Counter> counters = new ConcurrentHashMap<>();

  HookMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  void answered(String serviceId, int httpStatus, Duration elapsed) {
    timers.computeIfAbsent(serviceId + ' ' + httpStatus,
        k -> registry.timer("cds.hook", "service", serviceId, "status", String.valueOf(httpStatus))).record(elapsed);
  }

  void issued(List<IssuedCard> cards) {
    cards.forEach(c -> counters.computeIfAbsent(c.type().name(), type -> registry.counter("cds.cards", "type", type)).increment());
  }
}
