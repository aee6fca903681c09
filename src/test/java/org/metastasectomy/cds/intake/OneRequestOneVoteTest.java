package org.metastasectomy.cds.intake;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.http.impl.client.CloseableHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The circuit breaker counts requests, not keys (issue 14): one request's six keys fail together when their server is
 * cold, and that single request must not open the breaker for the next 30 s. A server that keeps failing (answering
 * 5xx, or drip-feeding past the deadline) still opens it after {@code breaker-minimum-calls} requests (5, the default),
 * and a server that answers 4xx never does.
 */
class OneRequestOneVoteTest {
  static final int MINIMUM_CALLS = 5;
  static final String EMPTY = "{\"resourceType\":\"Bundle\",\"type\":\"searchset\"}";
  static final String PATIENT = "{\"resourceType\":\"Patient\",\"id\":\"1\"}";

  WireMockServer server;
  CloseableHttpClient http;
  ExecutorService executor;
  CircuitBreakers breakers;

  @BeforeEach
  void start() {
    server = new WireMockServer(wireMockConfig().dynamicPort());
    server.start();
    http = TestEhrClients.http();
    executor = Executors.newFixedThreadPool(8);
    breakers = new CircuitBreakers(MINIMUM_CALLS, Duration.ofSeconds(30), FetchSettings.defaults().readTimeout());
  }

  @AfterEach
  void stop() throws Exception {
    executor.shutdownNow();
    http.close();
    server.stop();
  }

  @Test
  void aColdServerWhoseSixKeysAllFailInOneRequestDoesNotOpenTheBreaker() {
    // cold: no byte within the read timeout for any key
    server.stubFor(get(anyUrl()).willReturn(fhir(EMPTY).withFixedDelay(2000)));
    EhrFhirClient client = client(FetchSettings.defaults().withTimeouts(Duration.ofMillis(500), Duration.ofMillis(300)));

    Map<String, FetchResult> cold = client.fetchAll(base(), "t", sixKeys(), Duration.ofSeconds(10));
    CircuitBreaker.State afterCold = breakers.state(base());
    server.resetAll();
    serveHealthy();
    Map<String, FetchResult> warm = client.fetchAll(base(), "t", sixKeys(), Duration.ofSeconds(10));

    assertThat(cold).hasSize(6).allSatisfy((key, r) -> assertThat(r.failure()).contains("read timeout"));
    assertThat(afterCold).isEqualTo(CircuitBreaker.State.CLOSED);
    assertThat(warm).hasSize(6).allSatisfy((key, r) -> assertThat(r.failed()).as(r.failure()).isFalse());
  }

  @Test
  void fiveFailingRequestsOpenTheBreakerAndTheSixthSendsNothing() {
    server.stubFor(get(anyUrl()).willReturn(aResponse().withStatus(503)));
    EhrFhirClient client = client(FetchSettings.defaults().withTimeouts(Duration.ofMillis(500), Duration.ofSeconds(5)));

    List<CircuitBreaker.State> states = failingRequests(client, Duration.ofSeconds(10));
    int sent = server.getAllServeEvents().size();
    Map<String, FetchResult> sixth = client.fetchAll(base(), "t", sixKeys(), Duration.ofSeconds(10));

    assertThat(states).containsExactly(CircuitBreaker.State.CLOSED, CircuitBreaker.State.CLOSED,
        CircuitBreaker.State.CLOSED, CircuitBreaker.State.CLOSED, CircuitBreaker.State.OPEN);
    assertThat(sixth).hasSize(6).allSatisfy((key, r) -> assertThat(r.failure()).contains("circuit open"));
    assertThat(server.getAllServeEvents()).hasSize(sent);
  }

  @Test
  void aServerThatDripFeedsPastTheDeadlineOpensTheBreakerAfterFiveRequests() {
    // bytes keep coming, so no read timeout fires: every key is stopped by the deadline
    server.stubFor(get(anyUrl()).willReturn(fhir(EMPTY + " ".repeat(4000)).withGzipDisabled(true)
        .withChunkedDribbleDelay(400, 20_000)));
    EhrFhirClient client = client(FetchSettings.defaults().withTimeouts(Duration.ofMillis(500), Duration.ofSeconds(5)));

    List<CircuitBreaker.State> states = failingRequests(client, Duration.ofSeconds(1));
    int sent = server.getAllServeEvents().size();
    Map<String, FetchResult> sixth = client.fetchAll(base(), "t", sixKeys(), Duration.ofSeconds(1));

    assertThat(states).containsExactly(CircuitBreaker.State.CLOSED, CircuitBreaker.State.CLOSED,
        CircuitBreaker.State.CLOSED, CircuitBreaker.State.CLOSED, CircuitBreaker.State.OPEN);
    assertThat(sixth).allSatisfy((key, r) -> assertThat(r.failure()).contains("circuit open"));
    assertThat(server.getAllServeEvents()).hasSize(sent);
  }

  @Test
  void requestsAnswered4xxNeverOpenTheBreaker() {
    server.stubFor(get(anyUrl()).willReturn(aResponse().withStatus(401)));
    EhrFhirClient client = client(FetchSettings.defaults());

    List<CircuitBreaker.State> states = failingRequests(client, Duration.ofSeconds(10));
    Map<String, FetchResult> sixth = client.fetchAll(base(), "t", sixKeys(), Duration.ofSeconds(10));

    assertThat(states).containsOnly(CircuitBreaker.State.CLOSED);
    assertThat(sixth).allSatisfy((key, r) -> assertThat(r.failure()).contains("HTTP 401"));
    assertThat(server.getAllServeEvents()).hasSize(6 * (MINIMUM_CALLS + 1));
  }

  /** {@link #MINIMUM_CALLS} requests of six keys, each of which fails; the breaker's state after each. */
  private List<CircuitBreaker.State> failingRequests(EhrFhirClient client, Duration deadline) {
    List<CircuitBreaker.State> states = new ArrayList<>();
    for (int i = 0; i < MINIMUM_CALLS; i++) {
      Map<String, FetchResult> results = client.fetchAll(base(), "t", sixKeys(), deadline);
      assertThat(results).as("request " + (i + 1)).allSatisfy((key, r) -> assertThat(r.failed()).isTrue());
      states.add(breakers.state(base()));
    }
    return states;
  }

  private void serveHealthy() {
    server.stubFor(get(anyUrl()).willReturn(fhir(EMPTY)));
    server.stubFor(get(urlPathEqualTo("/fhir/Patient/1")).willReturn(fhir(PATIENT)));
  }

  private static Map<String, String> sixKeys() {
    Map<String, String> keys = new LinkedHashMap<>();
    keys.put(PrefetchKeys.PATIENT, "Patient/1");
    keys.put(PrefetchKeys.CONDITIONS, "Condition?patient=1");
    keys.put(PrefetchKeys.OBSERVATIONS, "Observation?patient=1");
    keys.put(PrefetchKeys.PROCEDURES, "Procedure?patient=1");
    keys.put(PrefetchKeys.MEDICATIONS, "MedicationRequest?patient=1");
    keys.put(PrefetchKeys.TUMOUR_BOARD, "ServiceRequest?patient=1");
    return keys;
  }

  private EhrFhirClient client(FetchSettings settings) {
    return TestEhrClients.client(http, List.of(base()), settings, executor, breakers, FetchListener.NONE);
  }

  private String base() {
    return server.baseUrl() + "/fhir";
  }

  private static ResponseDefinitionBuilder fhir(String body) {
    return aResponse().withStatus(200).withHeader("Content-Type", "application/fhir+json").withBody(body);
  }
}
