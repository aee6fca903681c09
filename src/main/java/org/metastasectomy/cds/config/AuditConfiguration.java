package org.metastasectomy.cds.config;

import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import org.metastasectomy.cds.audit.AuditRepository;
import org.metastasectomy.cds.audit.AuditWriter;
import org.metastasectomy.cds.audit.HookAudit;
import org.metastasectomy.cds.audit.PatientHasher;
import org.metastasectomy.cds.feedback.FeedbackRepository;
import org.metastasectomy.cds.feedback.FeedbackService;
import org.metastasectomy.cds.feedback.IssuedCardRepository;
import org.metastasectomy.cds.feedback.Suppression;
import org.metastasectomy.cds.feedback.SuppressionRepository;
import org.metastasectomy.cds.knowledge.KnowledgeBase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** The database side: the audit trail, the patient hash key, issued cards, feedback and suppression. */
@Configuration(proxyBeanMethods = false)
class AuditConfiguration {
  private static final Logger log = LoggerFactory.getLogger(AuditConfiguration.class);

  @Bean
  PatientHasher patientHasher(CdsProperties props, JdbcClient jdbc) {
    String configured = props.audit().patientHashKey();
    if (!configured.isBlank()) {
      return new PatientHasher(configured.getBytes(StandardCharsets.UTF_8));
    }
    return new PatientHasher(storedKey(jdbc));
  }

  /** A random key generated once and kept in the database, so all replicas hash patients alike. */
  private static byte[] storedKey(JdbcClient jdbc) {
    try {
      var existing = jdbc.sql("SELECT secret_value FROM service_secret WHERE name = 'patient-hash-key'").query(String.class).optional();
      if (existing.isPresent()) {
        return Base64.getDecoder().decode(existing.get());
      }
      byte[] key = new byte[32];
      new SecureRandom().nextBytes(key);
      try {
        jdbc.sql("INSERT INTO service_secret (name, secret_value) VALUES ('patient-hash-key', :v)")
            .param("v", Base64.getEncoder().encodeToString(key)).update();
        return key;
      } catch (RuntimeException race) {
        return Base64.getDecoder().decode(
            jdbc.sql("SELECT secret_value FROM service_secret WHERE name = 'patient-hash-key'").query(String.class).single());
      }
    } catch (RuntimeException e) {
      log.warn("patient-hash key not readable from the database; using a per-process key (suppression will not survive a restart)");
      byte[] key = new byte[32];
      new SecureRandom().nextBytes(key);
      return key;
    }
  }

  @Bean
  AuditRepository auditRepository(JdbcOperations jdbc) {
    return new AuditRepository(jdbc);
  }

  /** Audit and issued-card rows are written off the request path, in batches (queue of 10,000 rows). */
  @Bean(destroyMethod = "close")
  AuditWriter auditWriter(AuditRepository audit, IssuedCardRepository issuedCards, TransactionTemplate transactions,
      MeterRegistry metrics) {
    return new AuditWriter(audit, issuedCards, transactions, metrics, 10_000);
  }

  @Bean
  HookAudit hookAudit(AuditWriter writer, PatientHasher hasher, KnowledgeBase knowledge, CdsProperties props) {
    return new HookAudit(writer, hasher, knowledge.model().version(), props.audit().storeClinicalValues());
  }

  @Bean
  FeedbackRepository feedbackRepository(JdbcClient jdbc) {
    return new FeedbackRepository(jdbc);
  }

  @Bean
  IssuedCardRepository issuedCardRepository(JdbcClient jdbc) {
    return new IssuedCardRepository(jdbc);
  }

  @Bean
  SuppressionRepository suppressionRepository(JdbcClient jdbc) {
    return new SuppressionRepository(jdbc);
  }

  @Bean
  FeedbackService feedbackService(FeedbackRepository repository, IssuedCardRepository issuedCards, MeterRegistry metrics,
      AuditWriter auditWriter, Clock clock) {
    return new FeedbackService(repository, issuedCards, metrics, auditWriter::flush, clock);
  }

  @Bean
  Suppression suppression(SuppressionRepository suppressions, Clock clock, CdsProperties props) {
    return new Suppression(suppressions, clock, Duration.ofDays(props.feedback().suppressionDays()));
  }
}
