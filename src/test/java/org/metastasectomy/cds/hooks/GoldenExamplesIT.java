package org.metastasectomy.cds.hooks;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.metastasectomy.cds.support.CardValidator;
import org.metastasectomy.cds.support.Examples;
import org.metastasectomy.cds.support.FixedClockConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Golden tests of whole hook exchanges: every example request under cds-hooks/examples is posted to the running service
 * and its response must equal expected-response.json (uuids and the service's own base URL normalised). The
 * prefetch-missing example is served by WireMock as the EHR's FHIR server. Run with -Dgolden.update=true to rewrite
 * the golden files after a reviewed change: that run fails for every file it rewrote, the next run checks them.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "spring.datasource.url=jdbc:h2:mem:golden;DB_CLOSE_DELAY=-1")
@Import(FixedClockConfiguration.class)
class GoldenExamplesIT {
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  private static final boolean UPDATE = Boolean.getBoolean("golden.update");

  @RegisterExtension
  static WireMockExtension ehr = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  @DynamicPropertySource
  static void allowWireMock(DynamicPropertyRegistry registry) {
    registry.add("cds.fhir.allowed-servers[0]", () -> ehr.baseUrl() + "/fhir");
    // golden answers, not timing: wide limits so that a loaded build machine cannot turn the fallback into a 412
    registry.add("cds.fhir.read-timeout", () -> "10s");
    registry.add("cds.fhir.deadline", () -> "20s");
    registry.add("cds.fhir.patient-view-deadline", () -> "20s");
  }

  @LocalServerPort
  int port;

  private final HttpClient http = HttpClient.newHttpClient();

  @TestFactory
  Stream<DynamicTest> everyExampleAnswersAsItsGoldenFile() {
    return Examples.names().stream().map(name -> DynamicTest.dynamicTest(name, () -> check(name)));
  }

  @Test
  void fallbackFetchesEveryKeyWithTheBearerTokenAndGivesTheSameCardAsPrefetch() throws Exception {
    JsonNode fallback = normalise(post(Examples.request("prefetch-missing")));
    JsonNode prefetched = normalise(post(Examples.request("solitary-lung-favourable")));
    assertThat(fallback).isEqualTo(prefetched);
    for (String type : new String[] {"Condition", "Observation", "Procedure", "MedicationRequest", "ServiceRequest"}) {
      ehr.verify(getRequestedFor(urlPathEqualTo("/fhir/" + type))
          .withHeader("Authorization", com.github.tomakehurst.wiremock.client.WireMock.matching("Bearer .+")));
    }
  }

  private void check(String name) throws Exception {
    JsonNode raw = post(Examples.request(name));
    CardValidator.assertValid(raw);
    JsonNode actual = normalise(raw);
    Path golden = Examples.DIR.resolve(name).resolve("expected-response.json");
    JsonNode expected = Files.exists(golden) ? Examples.read(golden) : null;
    if (!actual.equals(expected) && (UPDATE || expected == null)) {
      // Rewriting is a tool, never a pass: the run that rewrites a golden file fails, so a changed answer is always
      // seen, reviewed and committed before the suite is green again.
      Files.writeString(golden, JSON.writeValueAsString(actual) + "\n");
      org.junit.jupiter.api.Assertions.fail("golden file " + golden + (expected == null ? " was missing" : " differed")
          + " and has been rewritten: review the diff, commit it, and run again without -Dgolden.update");
    }
    assertThat(actual).isEqualTo(expected);
  }

  private JsonNode post(ObjectNode request) throws IOException, InterruptedException {
    if (request.has("fhirServer")) {
      serveExampleFhirServer();
      request.put("fhirServer", ehr.baseUrl() + "/fhir");
    }
    HttpRequest req = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/cds-services/" + Examples.serviceFor(request)))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(request.toString()))
        .build();
    HttpResponse<String> res = http.send(req, HttpResponse.BodyHandlers.ofString());
    assertThat(res.statusCode()).as(res.body()).isEqualTo(200);
    return JSON.readTree(res.body());
  }

  private void serveExampleFhirServer() throws IOException {
    Path dir = Examples.DIR.resolve("prefetch-missing/fhir-server");
    ehr.stubFor(get(urlPathMatching("/fhir/Patient/.+")).willReturn(fhirJson(dir.resolve("Patient.json"))));
    for (String type : new String[] {"Condition", "Observation", "Procedure", "MedicationRequest", "ServiceRequest"}) {
      ehr.stubFor(get(urlPathEqualTo("/fhir/" + type)).willReturn(fhirJson(dir.resolve(type + ".json"))));
    }
  }

  private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder fhirJson(Path file) throws IOException {
    return aResponse().withStatus(200).withHeader("Content-Type", "application/fhir+json").withBody(Files.readString(file));
  }

  /** Replaces random uuids and this test run's port so the golden files are stable. */
  private JsonNode normalise(JsonNode response) throws IOException {
    String text = response.toString()
        .replaceAll("\"uuid\":\"[0-9a-f-]{36}\"", "\"uuid\":\"<uuid>\"")
        .replace("http://localhost:" + port, "{base}");
    return JSON.readTree(text);
  }
}
