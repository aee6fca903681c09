package org.metastasectomy.cds.intake;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** A failed FHIR fetch is logged with the server it went to (scheme://host:port), never its path or the token. */
@ExtendWith(OutputCaptureExtension.class)
class FhirServerLogLinesTest {
  WireMockServer server;
  ExecutorService executor;

  @BeforeEach
  void start() {
    server = new WireMockServer(wireMockConfig().dynamicPort());
    server.start();
    server.stubFor(get(anyUrl()).willReturn(aResponse().withStatus(503)));
    executor = Executors.newFixedThreadPool(2);
  }

  @AfterEach
  void stop() {
    executor.shutdownNow();
    server.stop();
  }

  @Test
  void theWarningNamesTheServerOnly(CapturedOutput output) {
    String base = server.baseUrl() + "/fhir/tenant-canary-7";
    EhrFhirClient client = TestEhrClients.client(TestEhrClients.http(), List.of(base),
        FetchSettings.defaults().withTimeouts(Duration.ofMillis(500), Duration.ofSeconds(1)), executor,
        new CircuitBreakers(5, Duration.ofSeconds(30), Duration.ofSeconds(2)), FetchListener.NONE);

    Map<String, FetchResult> results = client.fetchAll(base, "TOKEN-CANARY-4711", Map.of("conditions", "Condition?patient=p1"),
        Duration.ofMillis(1500));

    assertThat(results.get("conditions").failed()).isTrue();
    assertThat(output.getAll()).contains("FHIR fetch for prefetch key conditions from http://localhost:" + server.port() + " ")
        .doesNotContain("tenant-canary").doesNotContain("TOKEN-CANARY").doesNotContain("patient=p1");
  }
}
