package org.metastasectomy.cds.reliability;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/** The examples are written to be evaluated on 2026-11-27 (cds-hooks/examples/README.md). */
@TestConfiguration(proxyBeanMethods = false)
class FixedClock {
  static final Instant NOW = Instant.parse("2026-11-27T12:00:00Z");

  @Bean
  @Primary
  Clock fixedClock() {
    return Clock.fixed(NOW, ZoneOffset.UTC);
  }
}
