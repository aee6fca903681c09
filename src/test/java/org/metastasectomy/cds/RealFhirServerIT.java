package org.metastasectomy.cds;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.metastasectomy.cds.support.Examples;
import org.metastasectomy.cds.support.FixedClockConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The fallback against a real FHIR server (issue 14): a HAPI FHIR JPA server loaded by the project's own load-examples
 * and restarted (RealFhirServer). For every example: the answer from prefetch, the answer fetched from the server
 * cold (the first call for that patient after the server started; the very first call is the server's first search)
 * and warm are the same cards. The server pages at 50 and writes its next links under another name of itself
 * (localhost for 127.0.0.1), so the patient with 108 Observations is fetched across three pages through an alias.
 *
 * <p>Runs in the {@code real-fhir} profile (README, .ci/run): the server takes a minute or more to start on two cores.
 * The limits are wide: what is asserted is the data, not the time; the times are printed (and measured properly by
 * bench/real-fhir.sh).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "spring.datasource.url=jdbc:h2:mem:real-fhir;DB_CLOSE_DELAY=-1")
@Import(FixedClockConfiguration.class)
class RealFhirServerIT {
  static final ObjectMapper JSON = new ObjectMapper();
  static final RealFhirServer FHIR = start();

  @LocalServerPort
  int port;

  final HttpClient http = HttpClient.newHttpClient();

  private static RealFhirServer start() {
    try {
      return RealFhirServer.loadedThenRestarted();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @DynamicPropertySource
  static void realServer(DynamicPropertyRegistry registry) {
    registry.add("cds.fhir.allowed-servers[0]", () -> FHIR.base() + " " + FHIR.alias());
    registry.add("cds.fhir.read-timeout", () -> "60s");
    registry.add("cds.fhir.deadline", () -> "120s");
    registry.add("cds.fhir.patient-view-deadline", () -> "120s");
  }

  @AfterAll
  static void stop() throws Exception {
    FHIR.close();
  }

  @Test
  void everyExampleGivesTheSameCardsFromPrefetchAndFromTheServerColdAndWarm() throws Exception {
    List<String> table = new ArrayList<>();
    JsonNode favourable = null;
    for (String name : Examples.names()) {
      ObjectNode request = Examples.request(name);
      ObjectNode fallback = request.deepCopy();
      fallback.remove("prefetch");
      fallback.put("fhirServer", FHIR.base());
      fallback.putObject("fhirAuthorization").put("access_token", "real-server-test-token").put("token_type", "Bearer")
          .put("expires_in", 300).put("scope", "patient/*.read").put("subject", "cds");

      Timed prefetched = request.has("prefetch") ? post(request) : null;
      Timed cold = post(fallback);
      Timed warm = post(fallback);

      assertThat(cold.cards()).as(name + " cold = warm").isEqualTo(warm.cards());
      if (prefetched != null) {
        assertThat(cold.cards()).as(name + " fetched = prefetched").isEqualTo(prefetched.cards());
      }
      if (name.equals("solitary-lung-favourable")) {
        favourable = prefetched.cards();
      }
      assertThat(cold.body()).as(name).doesNotContain("Could not be fetched");
      table.add(String.format("| %s | %s | %s | %d | %d | %d |", name, request.path("hook").asText(),
          cold.cards().size() == 0 ? "none" : cold.cards().size() + " card(s)",
          prefetched == null ? -1 : prefetched.millis(), cold.millis(), warm.millis()));
    }
    assertThat(post(fallbackFor("prefetch-missing")).cards()).as("prefetch-missing = the favourable patient's card")
        .isEqualTo(favourable);
    System.out.println("RealFhirServerIT (ms; wide limits, a loaded machine: see bench/real-fhir.sh for latency)\n"
        + "| example | hook | answer | prefetch | fallback cold | fallback warm |\n|---|---|---|---|---|---|\n"
        + String.join("\n", table));
  }

  /** The next links HAPI writes name the server as localhost; the service is called with 127.0.0.1. */
  @Test
  void theServersPagingLinksUseItsOtherName() throws Exception {
    HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(FHIR.base()
        + "/Observation?patient=mrcc-solitary-lung&_count=200")).header("Accept", "application/fhir+json").build(),
        HttpResponse.BodyHandlers.ofString());
    JsonNode bundle = JSON.readTree(page.body());

    assertThat(bundle.path("entry")).hasSize(RealFhirServer.MAX_PAGE_SIZE);
    assertThat(bundle.path("link").findValuesAsText("url")).anySatisfy(url -> assertThat(url).startsWith(FHIR.alias() + "?_getpages="));
  }

  private ObjectNode fallbackFor(String name) {
    ObjectNode request = Examples.request(name);
    request.put("fhirServer", FHIR.base());
    return request;
  }

  private Timed post(ObjectNode request) throws Exception {
    HttpRequest req = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/cds-services/" + Examples.serviceFor(request)))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(request.toString())).build();
    long start = System.nanoTime();
    HttpResponse<String> res = http.send(req, HttpResponse.BodyHandlers.ofString());
    long millis = (System.nanoTime() - start) / 1_000_000;
    assertThat(res.statusCode()).as(res.body()).isEqualTo(200);
    return new Timed(res.body(), withoutUuids(JSON.readTree(res.body()).path("cards")), millis);
  }

  private static JsonNode withoutUuids(JsonNode cards) throws Exception {
    return JSON.readTree(cards.toString().replaceAll("\"uuid\":\"[0-9a-f-]{36}\"", "\"uuid\":\"<uuid>\""));
  }

  record Timed(String body, JsonNode cards, long millis) {}
}
