package org.metastasectomy.cds.config;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.metastasectomy.cds.cdshooks.CdsRequest;
import org.metastasectomy.cds.cdshooks.ServiceDescriptor;
import org.metastasectomy.cds.intake.CircuitBreakers;
import org.metastasectomy.cds.intake.EhrFhirClient;
import org.metastasectomy.cds.intake.FetchSettings;
import org.metastasectomy.cds.intake.PrefetchResolver;
import org.metastasectomy.cds.intake.TestEhrClients;
import org.apache.http.impl.client.CloseableHttpClient;

/** cds_fhir_fetch_seconds counts every prefetch key fetched from the EHR, by outcome and reason. */
class FetchMetricsTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ServiceDescriptor SERVICE = new ServiceDescriptor("patient-view", "t", "d", "s",
      Map.of("patient", "Patient/{{context.patientId}}", "conditions", "Condition?patient={{context.patientId}}",
          "observations", "Observation?patient={{context.patientId}}"), null);
  private static final String EMPTY = "{\"resourceType\":\"Bundle\",\"type\":\"searchset\",\"total\":0}";

  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final ExecutorService executor = Executors.newFixedThreadPool(4);
  private final CloseableHttpClient http = TestEhrClients.http();
  private WireMockServer ehr;

  @BeforeEach
  void start() {
    ehr = new WireMockServer(options().dynamicPort());
    ehr.start();
  }

  @AfterEach
  void stop() throws Exception {
    ehr.stop();
    executor.shutdownNow();
    http.close();
  }

  @Test
  void successesAndServerErrorsAreCountedApart() throws Exception {
    ehr.stubFor(get(urlPathEqualTo("/fhir/Patient/p1")).willReturn(okJson("{\"resourceType\":\"Patient\",\"id\":\"p1\"}")));
    ehr.stubFor(get(urlPathEqualTo("/fhir/Condition")).willReturn(okJson(EMPTY)));
    ehr.stubFor(get(urlPathEqualTo("/fhir/Observation")).willReturn(aResponse().withStatus(503)));

    resolver(List.of(base()), Duration.ofSeconds(15)).resolve(SERVICE, request(base()));

    assertThat(count("success", "ok")).isEqualTo(2);
    assertThat(count("failure", "http_5xx")).isEqualTo(1);
  }

  @Test
  void aSlowServerIsCountedAsTimeouts() throws Exception {
    ehr.stubFor(get(urlPathEqualTo("/fhir/Patient/p1")).willReturn(okJson("{\"resourceType\":\"Patient\",\"id\":\"p1\"}")));
    ehr.stubFor(get(urlPathEqualTo("/fhir/Condition")).willReturn(okJson(EMPTY)));
    ehr.stubFor(get(urlPathEqualTo("/fhir/Observation")).willReturn(okJson(EMPTY).withFixedDelay(20_000)));

    try {
      resolver(List.of(base()), Duration.ofSeconds(6)).resolve(SERVICE, request(base()));
    } catch (RuntimeException loadedMachine) {
      // on a busy machine the fast keys may miss the deadline too; each key is still counted once
    }

    assertThat(count("failure", "timeout")).isGreaterThanOrEqualTo(1);
    assertThat(count("failure", "timeout") + count("success", "ok")).isEqualTo(3);
  }

  @Test
  void anUnreachableServerIsNotMistakenForAnHttpAnswer() throws Exception {
    String gone = base();
    ehr.stop();
    try {
      resolver(List.of(gone), Duration.ofSeconds(2)).resolve(SERVICE, request(gone));
    } catch (RuntimeException expected) {
      // required keys missing: 412 in the web layer
    }
    assertThat(count("failure", "unreachable")).isEqualTo(3);
    assertThat(registry.find("cds.fhir.fetch").tag("reason", "http_5xx").timer()).isNull();
  }

  private double count(String outcome, String reason) {
    var timer = registry.find("cds.fhir.fetch").tag("outcome", outcome).tag("reason", reason).timer();
    return timer == null ? 0 : timer.count();
  }

  private PrefetchResolver resolver(List<String> allowed, Duration deadline) {
    FetchSettings settings = FetchSettings.defaults().withTimeouts(Duration.ofMillis(500), Duration.ofSeconds(30))
        .withDeadlines(deadline, deadline).withConcurrency(4, 4);
    EhrFhirClient client = TestEhrClients.client(http, allowed, settings, executor,
        new CircuitBreakers(50, Duration.ofSeconds(30), Duration.ofSeconds(3)), new FetchMetrics(registry));
    return new PrefetchResolver(client);
  }

  private static CdsRequest request(String fhirServer) throws Exception {
    return new CdsRequest("patient-view", "c9e2a0f4-5b8e-4a7e-9d55-0f1b7c0b3a11", fhirServer, null,
        JSON.readTree("{\"patientId\":\"p1\",\"userId\":\"Practitioner/u1\"}"), Map.of());
  }

  private String base() {
    return "http://localhost:" + ehr.port() + "/fhir";
  }
}
