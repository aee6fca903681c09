package org.metastasectomy.cds.support;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/** Pins "today" to 2026-11-27, the date the examples and vignettes were written for. */
@TestConfiguration(proxyBeanMethods = false)
public class FixedClockConfiguration {
  public static final Instant NOW = Instant.parse("2026-11-27T12:00:00Z");

  @Bean
  @Primary
  Clock fixedClock() {
    return Clock.fixed(NOW, ZoneOffset.UTC);
  }
}
