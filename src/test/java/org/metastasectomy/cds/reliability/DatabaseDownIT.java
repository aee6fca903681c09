package org.metastasectomy.cds.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * With the database down, feedback answers 503 (the EHR may retry) and hooks keep answering 200 with their cards,
 * quickly once the service has stopped asking the database; when it is back, feedback and audit work again.
 */
class DatabaseDownIT extends RunningService {
  static final Path DATA = tempDirectory();
  static final int PORT = freePort();
  static EmbeddedPostgres postgres = startPostgres();
  static final String FEEDBACK = "/cds-services/" + Examples.PATIENT_VIEW + "/feedback";

  @Autowired
  JdbcClient jdbc;


  @Autowired

  org.metastasectomy.cds.audit.AuditWriter auditWriter;

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    EmbeddedDatabase.register(registry, postgres);
  }

  @AfterAll
  static void stop() throws IOException {
    EmbeddedDatabase.stop(postgres);
    try (var files = Files.walk(DATA)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  @Test
  void feedbackIs503AndHooksStillAnswerWhileTheDatabaseIsDownThenBothRecover() {
    assertThat(http.post(FEEDBACK, feedback()).status()).isEqualTo(200);

    EmbeddedDatabase.stop(postgres);

    Http.Reply feedback = http.post(FEEDBACK, feedback());
    assertThat(feedback.status()).as(feedback.body()).isEqualTo(503);
    assertThat(feedback.json().path("resourceType").asText()).isEqualTo("OperationOutcome");
    assertThat(feedback.json().path("issue").path(0).path("code").asText()).isEqualTo("transient");

    List<Duration> latencies = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      Http.Reply hook = http.hook(Examples.PATIENT_VIEW, Examples.request(Examples.FAVOURABLE));
      assertThat(hook.status()).as(hook.body()).isEqualTo(200);
      assertThat(hook.json().path("cards")).hasSize(1);
      latencies.add(hook.elapsed());
    }
    System.out.println("DatabaseDownIT: hook latencies with the database down " + latencies);
    Duration fastest = latencies.stream().min(Duration::compareTo).orElseThrow();
    assertThat(fastest).as("once the database is known to be down, a hook does not wait on it").isLessThan(Duration.ofMillis(1000));

    postgres = startPostgres();
    await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1))
        .until(() -> http.post(FEEDBACK, feedback()).status() == 200);
    String hookInstance = UUID.randomUUID().toString();
    http.hook(Examples.PATIENT_VIEW, Examples.request(Examples.FAVOURABLE).put("hookInstance", hookInstance));
    auditWriter.flush();
    assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE hook_instance = :h").param("h", hookInstance)
        .query(Integer.class).single()).isEqualTo(1);
  }

  /** Feedback on a card issued just now; while the database is down the card cannot be issued, and that is fine. */
  private String feedback() {
    String card = UUID.randomUUID().toString();
    try {
      IssuedCards.issue(jdbc, card, Examples.PATIENT_VIEW);
    } catch (RuntimeException databaseDown) {
      // the post must then fail on the database too: 503
    }
    return FeedbackConcurrencyContract.feedback(card, "2026-11-27T10:00:00Z").toString();
  }

  /** The same data directory and port each time, so a restart is the same database coming back. */
  private static EmbeddedPostgres startPostgres() {
    try {
      return EmbeddedPostgres.builder().setDataDirectory(DATA).setCleanDataDirectory(false).setPort(PORT).start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Path tempDirectory() {
    try {
      return Files.createTempDirectory("cds-db-down");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static int freePort() {
    try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
