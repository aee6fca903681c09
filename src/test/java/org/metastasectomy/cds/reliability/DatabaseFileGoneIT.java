package org.metastasectomy.cds.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The embedded H2 database's directory deleted while the service runs (issue 15, finding 8): H2 would go on writing into
 * the deleted file, so health said UP and feedback was "stored" into nothing. Now the database counts as down: health is
 * DOWN, feedback is 503 (the EHR retries later), and hooks still answer.
 */
class DatabaseFileGoneIT extends RunningService {
  static final Path DIR = directory();

  @DynamicPropertySource
  static void fileDatabase(DynamicPropertyRegistry registry) {
    registry.add("spring.datasource.url", () -> "jdbc:h2:file:" + DIR.resolve("cds") + ";DB_CLOSE_ON_EXIT=FALSE");
  }

  @Test
  void healthGoesDownAndFeedbackIsNotStoredWhenTheDatabaseFileIsDeleted() throws IOException {
    Http.Reply first = http.hook(Examples.PATIENT_VIEW, Examples.request(Examples.FAVOURABLE));
    String card = first.json().path("cards").path(0).path("uuid").asText();
    assertThat(http.get("/actuator/health").status()).isEqualTo(200);

    deleteRecursively(DIR);

    Http.Reply health = http.get("/actuator/health");
    assertThat(health.status()).as(health.body()).isEqualTo(503);
    assertThat(health.body()).contains("DOWN");
    Http.Reply feedback = http.post("/cds-services/" + Examples.PATIENT_VIEW + "/feedback",
        FeedbackConcurrencyContract.feedback(card, "2026-11-27T10:00:00Z").toString());
    assertThat(feedback.status()).as("never 'stored' into a file that is gone").isEqualTo(503);
    Http.Reply hook = http.hook(Examples.PATIENT_VIEW, Examples.request(Examples.FAVOURABLE).put("hookInstance", UUID.randomUUID().toString()));
    assertThat(hook.status()).isEqualTo(200);
    assertThat(hook.json().path("cards")).hasSize(1);
    assertThat(http.get("/actuator/health/readiness").status()).as("hooks still answer: stay in the load balancer").isEqualTo(200);
  }

  private static void deleteRecursively(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
    assertThat(dir).doesNotExist();
  }

  private static Path directory() {
    try {
      return Files.createTempDirectory("cds-db-gone");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
