package org.metastasectomy.cds.hooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.metastasectomy.cds.intake.InputCheck;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The hook answers without waiting for the input check; the audit row of the invocation carries its summary. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.datasource.url=jdbc:h2:mem:input-validation-audit;DB_CLOSE_DELAY=-1"})
class InputValidationAuditIT {
  private static final CompletableFuture<String> PENDING = new CompletableFuture<>();
  private static final String HOOK_INSTANCE = "7a685f89-ab6b-5de7-a684-f0d13eb7b45f";

  @TestConfiguration
  static class SlowCheck {
    @Bean
    @Primary
    InputCheck slowInputCheck() {
      return data -> PENDING;
    }
  }

  @LocalServerPort
  int port;

  @Autowired
  JdbcClient jdbc;


  @Autowired

  org.metastasectomy.cds.audit.AuditWriter auditWriter;

  @Test
  void theAnswerDoesNotWaitForTheCheckAndTheAuditRowCarriesItsSummary() throws Exception {
    String body = Files.readString(Path.of("cds-hooks/examples/solitary-lung-favourable/request.json"));
    assertThat(body).contains(HOOK_INSTANCE);
    HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder()
        .uri(URI.create("http://localhost:" + port + "/cds-services/metastasectomy-patient-view"))
        .header("Content-Type", "application/json")
        .timeout(Duration.ofSeconds(30))
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).contains("\"cards\"");
    assertThat(auditDetail()).as("no row while the check runs").isEmpty();

    PENDING.complete("input validation: 1 error, 0 warnings in 114 resources");

    Optional<String> detail = Optional.empty();
    for (int i = 0; i < 100 && detail.isEmpty(); i++) {
      Thread.sleep(50);
      detail = auditDetail();
    }
    assertThat(detail).hasValueSatisfying(d -> assertThat(d)
        .startsWith("prefetch keys patient,conditions,observations,procedures,medications,tumorBoard")
        .endsWith("; input validation: 1 error, 0 warnings in 114 resources"));
  }

  private Optional<String> auditDetail() {
    auditWriter.flush();
    return jdbc.sql("SELECT detail FROM audit_event WHERE hook_instance = :h").param("h", HOOK_INSTANCE).query(String.class).optional();
  }
}
