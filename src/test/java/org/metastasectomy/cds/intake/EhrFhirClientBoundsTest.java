package org.metastasectomy.cds.intake;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.client.api.IRestfulClientFactory;
import ca.uhn.fhir.rest.client.api.ServerValidationModeEnum;
import com.github.tomakehurst.wiremock.WireMockServer;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.apache.http.client.config.RequestConfig;
import org.apache.http.impl.client.CloseableHttpClient;
import org.apache.http.impl.client.HttpClientBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.metastasectomy.cds.intake.FhirServerPolicy;

/**
 * Bounded concurrency and the deadline, at the client: with every fetch thread and queue slot taken, further keys fail
 * at once ("not attempted") instead of queueing without bound; and fetchAll returns at the deadline however slow the
 * server is.
 */
class EhrFhirClientBoundsTest {
  static final Duration DEADLINE = Duration.ofMillis(800);

  WireMockServer server;
  CloseableHttpClient http;
  ThreadPoolExecutor executor;

  @BeforeEach
  void start() {
    server = new WireMockServer(wireMockConfig().dynamicPort());
    server.start();
    server.stubFor(get(anyUrl()).willReturn(aResponse().withStatus(200).withFixedDelay(3000)
        .withHeader("Content-Type", "application/fhir+json").withBody("{\"resourceType\":\"Bundle\",\"type\":\"searchset\"}")));
    http = HttpClientBuilder.create().disableAutomaticRetries()
        .setDefaultRequestConfig(RequestConfig.custom().setConnectTimeout(500).setSocketTimeout(10_000).build()).build();
    executor = new ThreadPoolExecutor(1, 1, 60, TimeUnit.SECONDS, new ArrayBlockingQueue<>(1), new ThreadPoolExecutor.AbortPolicy());
  }

  @AfterEach
  void stop() throws Exception {
    executor.shutdownNow();
    http.close();
    server.stop();
  }

  @Test
  void keysBeyondTheFetchCapacityFailAtOnceAndTheRestAtTheDeadline() {
    String base = server.baseUrl() + "/fhir";
    EhrFhirClient client = new EhrFhirClient(factory(), new FhirServerPolicy(List.of(base), false),
        new FetchSettings(Duration.ofMillis(500), Duration.ofSeconds(10), DEADLINE, 10, 1), executor,
        new CircuitBreakers(5, Duration.ofSeconds(30), Duration.ofSeconds(10)));
    Map<String, String> queries = new LinkedHashMap<>();
    for (String key : List.of("a", "b", "c", "d", "e", "f")) {
      queries.put(key, "Observation?patient=" + key);
    }

    long start = System.nanoTime();
    Map<String, FetchResult> results = client.fetchAll(base, "token", queries);
    Duration took = Duration.ofNanos(System.nanoTime() - start);

    assertThat(results).hasSize(6).allSatisfy((key, r) -> assertThat(r.failed()).isTrue());
    assertThat(results.values().stream().filter(r -> r.failure().contains("not attempted"))).hasSize(4);
    assertThat(results.values().stream().filter(r -> r.failure().contains("deadline"))).hasSize(2);
    assertThat(took).isBetween(DEADLINE.minusMillis(50), DEADLINE.plusMillis(1500));
    assertThat(server.getAllServeEvents().size()).isLessThanOrEqualTo(1);
  }

  private IRestfulClientFactory factory() {
    IRestfulClientFactory factory = FhirContext.forR4().getRestfulClientFactory();
    factory.setHttpClient(http);
    factory.setServerValidationMode(ServerValidationModeEnum.NEVER);
    return factory;
  }
}
