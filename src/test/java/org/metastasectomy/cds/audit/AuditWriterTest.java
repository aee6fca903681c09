package org.metastasectomy.cds.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.flywaydb.core.Flyway;
import org.metastasectomy.cds.feedback.IssuedCardRepository;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The audit writer on the real migration (issue 15, finding 6): one row the database refuses must cost only itself,
 * never the rows of other callers that were queued in the same batch.
 */
class AuditWriterTest {
  JdbcClient jdbc;
  DriverManagerDataSource db;
  SimpleMeterRegistry metrics = new SimpleMeterRegistry();

  @BeforeEach
  void database() {
    db = new DriverManagerDataSource("jdbc:h2:mem:audit-writer-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
    Flyway.configure().dataSource(db).load().migrate();
    jdbc = JdbcClient.create(db);
  }

  @Test
  void oneRowTheDatabaseRefusesNeverDropsTheOtherRowsOfItsBatch() throws Exception {
    GatedTransactions transactions = new GatedTransactions(db);
    try (AuditWriter writer = new AuditWriter(new AuditRepository(new JdbcTemplate(db)), new IssuedCardRepository(jdbc), transactions, metrics, 1000)) {
      writer.append(event("gate"));                     // the writer takes this alone and waits at the gate
      assertThat(transactions.entered.await(5, TimeUnit.SECONDS)).isTrue();
      String card = UUID.randomUUID().toString();
      writer.issued(issuedCard(card, "first"));
      for (int i = 0; i < 210; i++) {
        writer.append(event("other-caller-" + i));
      }
      writer.issued(issuedCard(card, "duplicate"));      // the same card uuid again: refused by the primary key
      writer.issued(issuedCard(UUID.randomUUID().toString(), "x".repeat(101)));  // a hookInstance longer than the column
      transactions.open.countDown();                     // now all of the above form one batch
      writer.flush();
    }
    assertThat(count("SELECT COUNT(*) FROM audit_event WHERE hook_instance LIKE 'other-caller-%'")).isEqualTo(210);
    assertThat(count("SELECT COUNT(*) FROM issued_card")).isEqualTo(2);
    assertThat(metrics.counter("cds.audit.dropped").count()).isEqualTo(1.0);
  }

  private int count(String sql) {
    return jdbc.sql(sql).query(Integer.class).single();
  }

  private static AuditRepository.AuditEvent event(String hookInstance) {
    return new AuditRepository.AuditEvent(hookInstance, "metastasectomy-patient-view", 200, "", "test", 1, null, null, null, "");
  }

  private static AuditWriter.IssuedCardRow issuedCard(String uuid, String hookInstance) {
    return new AuditWriter.IssuedCardRow(uuid, "TUMOUR_BOARD_REVIEW", "0".repeat(64), "metastasectomy-patient-view", hookInstance, null, null);
  }

  /** Holds the writer's first transaction until the test has queued the batch it wants written together. */
  static final class GatedTransactions extends TransactionTemplate {
    final CountDownLatch entered = new CountDownLatch(1);
    final CountDownLatch open = new CountDownLatch(1);

    GatedTransactions(DriverManagerDataSource db) {
      super(new DataSourceTransactionManager(db));
    }

    @Override
    public void executeWithoutResult(Consumer<TransactionStatus> action) {
      entered.countDown();
      try {
        open.await(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      super.executeWithoutResult(action);
    }
  }
}
