package org.metastasectomy.cds;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.metastasectomy.cds.support.Examples;
import org.metastasectomy.cds.support.FixedClockConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The fallback's data against a real FHIR server (issue 14): a HAPI FHIR JPA server loaded by the project's own
 * load-examples (RealFhirServer). For every example, prefetch, the first fallback call and the next give the same
 * cards. The server pages at 50 and writes its next links under another name of itself (localhost for 127.0.0.1), so
 * the patient with 108 Observations is fetched across three pages through an alias.
 *
 * <p>What is asserted here is the data, so the timeouts and deadlines are wide: a loaded machine must not turn a data
 * check into a timing check. The first call after a restart with the shipped settings is RealFhirServerColdStartIT;
 * latency is measured by bench/real-fhir.sh.
 *
 * <p>Runs in the {@code real-fhir} profile (README, .ci/run): the server takes a minute or more to start on two cores.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "spring.datasource.url=jdbc:h2:mem:real-fhir;DB_CLOSE_DELAY=-1")
@Import(FixedClockConfiguration.class)
class RealFhirServerIT {
  static final RealFhirServer FHIR = RealFhirServer.shared();

  @LocalServerPort
  int port;

  @DynamicPropertySource
  static void realServer(DynamicPropertyRegistry registry) {
    registry.add("cds.fhir.allowed-servers[0]", () -> FHIR.base() + " " + FHIR.alias());
    registry.add("cds.fhir.read-timeout", () -> "60s");
    registry.add("cds.fhir.deadline", () -> "120s");
    registry.add("cds.fhir.patient-view-deadline", () -> "120s");
  }

  @Test
  void everyExampleGivesTheSameCardsFromPrefetchAndFromTheServer() throws Exception {
    RealFhirCalls calls = new RealFhirCalls(port);
    List<String> table = new ArrayList<>();
    JsonNode favourable = null;
    for (String name : Examples.names()) {
      ObjectNode request = Examples.request(name);
      RealFhirCalls.Reply prefetched = request.has("prefetch") ? calls.post(request) : null;
      RealFhirCalls.Reply first = calls.post(RealFhirCalls.fallback(request, FHIR.base()));
      RealFhirCalls.Reply again = calls.post(RealFhirCalls.fallback(request, FHIR.base()));

      assertThat(List.of(first.status(), again.status())).as(name + ": " + first.body()).containsOnly(200);
      assertThat(first.cards()).as(name + " first = again").isEqualTo(again.cards());
      if (prefetched != null) {
        assertThat(first.cards()).as(name + " fetched = prefetched").isEqualTo(prefetched.cards());
      }
      if (name.equals(RealFhirServerColdStartIT.HEAVIEST)) {
        favourable = prefetched.cards();
      }
      assertThat(first.body()).as(name).doesNotContain("Could not be fetched");
      table.add(String.format("| %s | %s | %s | %d | %d | %d |", name, request.path("hook").asText(),
          first.cards().size() == 0 ? "none" : first.cards().size() + " card(s)",
          prefetched == null ? -1 : prefetched.millis(), first.millis(), again.millis()));
    }
    ObjectNode missing = Examples.request("prefetch-missing");
    missing.put("fhirServer", FHIR.base());
    assertThat(calls.post(missing).cards()).as("prefetch-missing = the favourable patient's card").isEqualTo(favourable);
    System.out.println("RealFhirServerIT (ms; load average " + RealFhirServer.loadAverage() + "; latency: bench/real-fhir.sh)\n"
        + "| example | hook | answer | prefetch | fallback first | fallback again |\n|---|---|---|---|---|---|\n"
        + String.join("\n", table));
  }

  /** The next links HAPI writes name the server as localhost; the service is called with 127.0.0.1. */
  @Test
  void theServersPagingLinksUseItsOtherName() throws Exception {
    HttpResponse<String> page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(FHIR.base()
        + "/Observation?patient=mrcc-solitary-lung&_count=200")).header("Accept", "application/fhir+json").build(),
        HttpResponse.BodyHandlers.ofString());
    JsonNode bundle = RealFhirCalls.JSON.readTree(page.body());

    assertThat(bundle.path("entry")).hasSize(RealFhirServer.MAX_PAGE_SIZE);
    assertThat(bundle.path("link").findValuesAsText("url")).anySatisfy(url -> assertThat(url).startsWith(FHIR.alias() + "?_getpages="));
  }
}
