package org.metastasectomy.cds.config;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.metastasectomy.cds.audit.AuditRepository;
import org.metastasectomy.cds.audit.AuditRetention;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/** Applies the audit retention (cds.audit.retention-days) a minute after start and then every hour. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class AuditRetentionSchedule {

  @Bean
  AuditRetention auditRetention(AuditRepository audit, Clock clock, CdsProperties props) {
    return new AuditRetention(audit, clock, Duration.ofDays(props.audit().retentionDays()));
  }

  /** Runs the purge; a separate bean so the schedule does not depend on its own configuration class's beans. */
  @Bean
  RetentionRun auditRetentionRun(AuditRetention retention) {
    return new RetentionRun(retention);
  }

  static final class RetentionRun {
    private final AuditRetention retention;

    RetentionRun(AuditRetention retention) {
      this.retention = retention;
    }

    @Scheduled(initialDelay = 1, fixedDelay = 60, timeUnit = TimeUnit.MINUTES)
    void run() {
      retention.purgeExpired();
    }
  }
}
