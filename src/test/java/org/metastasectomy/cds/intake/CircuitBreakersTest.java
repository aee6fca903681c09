package org.metastasectomy.cds.intake;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.http.impl.client.CloseableHttpClient;
import org.junit.jupiter.api.Test;

/**
 * Circuit breakers (issue 15, finding 8): one per canonical base, so that another spelling or an alias of a failing
 * server meets its open breaker; and a bounded number of them, however many distinct fhirServer strings arrive. A
 * request votes once, whatever its number of keys (issue 14; the request-level cases are in
 * {@link OneRequestOneVoteTest}).
 */
class CircuitBreakersTest {

  @Test
  void anotherSpellingOrAnAliasOfAFailingServerMeetsItsOpenBreaker() throws Exception {
    WireMockServer server = new WireMockServer(wireMockConfig().dynamicPort());
    server.start();
    ExecutorService executor = Executors.newFixedThreadPool(4);
    try (CloseableHttpClient http = TestEhrClients.http()) {
      server.stubFor(get(anyUrl()).willReturn(aResponse().withStatus(500)));
      String localhost = "http://localhost:" + server.port() + "/fhir";
      String loopback = "http://127.0.0.1:" + server.port() + "/fhir";
      EhrFhirClient client = TestEhrClients.client(http, List.of(localhost + " " + loopback), FetchSettings.defaults(), executor,
          new CircuitBreakers(2, Duration.ofSeconds(60), Duration.ofSeconds(10)), FetchListener.NONE);
      Map<String, String> conditions = Map.of("conditions", "Condition?patient=1");

      client.fetchAll(localhost, "t", conditions, Duration.ofSeconds(20));
      client.fetchAll(localhost + "/", "t", conditions, Duration.ofSeconds(20));
      int beforeOtherSpellings = server.getAllServeEvents().size();
      FetchResult upperCase = client.fetchAll("HTTP://LOCALHOST:" + server.port() + "/fhir", "t", conditions, Duration.ofSeconds(20))
          .get("conditions");
      FetchResult alias = client.fetchAll(loopback + "/", "t", conditions, Duration.ofSeconds(20)).get("conditions");

      assertThat(upperCase.failure()).contains("circuit open");
      assertThat(alias.failure()).contains("circuit open");
      assertThat(server.getAllServeEvents()).hasSize(beforeOtherSpellings);
    } finally {
      executor.shutdownNow();
      server.stop();
    }
  }

  @Test
  void thousandsOfDistinctBasesKeepABoundedNumberOfBreakers() {
    CircuitBreakers breakers = new CircuitBreakers(5, Duration.ofSeconds(30), Duration.ofSeconds(1));

    for (int i = 0; i < 3000; i++) {
      breakers.permit("https://ehr.example.org/fhir/tenant-" + i).orElseThrow().record(ServerVote.answered(Duration.ZERO));
    }

    assertThat(breakers.size()).isLessThanOrEqualTo(CircuitBreakers.MAX_BREAKERS);
    assertThat(breakers.state("https://ehr.example.org/fhir/tenant-2999")).isEqualTo(CircuitBreaker.State.CLOSED);
  }

  /** A request whose keys all stayed in the service's own queue says nothing about the server: its permission is returned. */
  @Test
  void aRequestThatSentNothingDoesNotVote() {
    CircuitBreakers breakers = new CircuitBreakers(2, Duration.ofSeconds(30), Duration.ofSeconds(1));
    String base = "https://ehr.example.org/fhir";

    breakers.permit(base).orElseThrow().record(ServerVote.failed(Duration.ofMillis(10)));
    breakers.permit(base).orElseThrow().record(ServerVote.NOT_SENT);
    CircuitBreaker.State afterOneFailureAndOneUnsent = breakers.state(base);
    breakers.permit(base).orElseThrow().record(ServerVote.failed(Duration.ofMillis(10)));

    assertThat(afterOneFailureAndOneUnsent).as("one vote is below the minimum of two").isEqualTo(CircuitBreaker.State.CLOSED);
    assertThat(breakers.state(base)).isEqualTo(CircuitBreaker.State.OPEN);
  }

  @Test
  void aPermitVotesOnlyOnce() {
    CircuitBreakers breakers = new CircuitBreakers(2, Duration.ofSeconds(30), Duration.ofSeconds(1));
    String base = "https://ehr.example.org/fhir";
    CircuitBreakers.Permit permit = breakers.permit(base).orElseThrow();

    permit.record(ServerVote.failed(Duration.ofMillis(10)));
    permit.record(ServerVote.failed(Duration.ofMillis(10)));

    assertThat(breakers.state(base)).isEqualTo(CircuitBreaker.State.CLOSED);
  }
}
