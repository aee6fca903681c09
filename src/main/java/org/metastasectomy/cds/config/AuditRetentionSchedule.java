package org.metastasectomy.cds.config;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.metastasectomy.cds.audit.AuditRepository;
import org.metastasectomy.cds.audit.AuditRetention;
import org.metastasectomy.cds.feedback.FeedbackRepository;
import org.metastasectomy.cds.feedback.FeedbackRetention;
import org.metastasectomy.cds.feedback.IssuedCardRepository;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Applies the audit retention (cds.audit.retention-days) and the feedback and issued-card retention
 * (cds.feedback.retention-days, cds.feedback.card-retention-days) a minute after start and then every hour.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class AuditRetentionSchedule {

  @Bean
  AuditRetention auditRetention(AuditRepository audit, Clock clock, CdsProperties props) {
    return new AuditRetention(audit, clock, Duration.ofDays(props.audit().retentionDays()));
  }

  @Bean
  FeedbackRetention feedbackRetention(FeedbackRepository feedback, IssuedCardRepository issuedCards, Clock clock,
      CdsProperties props) {
    return new FeedbackRetention(feedback, issuedCards, clock, Duration.ofDays(props.feedback().retentionDays()),
        Duration.ofDays(props.feedback().cardRetentionDays()));
  }

  /** Runs the purges; a separate bean so the schedule does not depend on its own configuration class's beans. */
  @Bean
  RetentionRun auditRetentionRun(AuditRetention retention, FeedbackRetention feedbackRetention) {
    return new RetentionRun(retention, feedbackRetention);
  }

  static final class RetentionRun {
    private final AuditRetention retention;
    private final FeedbackRetention feedbackRetention;

    RetentionRun(AuditRetention retention, FeedbackRetention feedbackRetention) {
      this.retention = retention;
      this.feedbackRetention = feedbackRetention;
    }

    @Scheduled(initialDelay = 1, fixedDelay = 60, timeUnit = TimeUnit.MINUTES)
    void run() {
      retention.purgeExpired();
      feedbackRetention.purgeExpired();
    }
  }
}
