package org.metastasectomy.cds.reliability;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The EHR's FHIR server in tests: WireMock on a dynamic port serving the prefetch-missing example's FHIR answers under
 * any base path, so that each test can have its own "server" (and its own circuit breaker).
 */
final class FhirServerStub {
  static final String FHIR_JSON = "application/fhir+json";

  /** Prefetch key → the resource type its template searches, and the example file that answers it. */
  static final Map<String, String> SEARCHES = Map.of(
      "conditions", "Condition",
      "observations", "Observation",
      "procedures", "Procedure",
      "medications", "MedicationRequest",
      "tumorBoard", "ServiceRequest");

  private final WireMockServer server;

  FhirServerStub() {
    server = new WireMockServer(wireMockConfig().dynamicPort());
    server.start();
  }

  /** The allow-list entry covering every base this stub serves. */
  String allowedBase() {
    return server.baseUrl() + "/fhir";
  }

  /** A FHIR base URL of its own under the allowed base, e.g. http://localhost:1234/fhir/retry. */
  String base(String name) {
    return allowedBase() + "/" + name;
  }

  void stop() {
    server.stop();
  }

  void reset() {
    server.resetAll();
  }

  /** Serves the example patient's Patient and the five searches under {@code base}. */
  void serveExample(String base) {
    stubRead(base, ok(Examples.fhirServerFile("Patient.json")));
    SEARCHES.values().forEach(type -> stubSearch(base, type, ok(Examples.fhirServerFile(type + ".json"))));
  }

  /**
   * Serves the example under {@code base} for another patient id, each file passed through {@code edit} first (for
   * tests that plant values in the data).
   */
  void serveEdited(String base, String patientId, java.util.function.UnaryOperator<String> edit) {
    server.stubFor(get(urlPathEqualTo(path(base) + "/Patient/" + patientId)).willReturn(ok(edit.apply(Examples.fhirServerFile("Patient.json")))));
    SEARCHES.values().forEach(type -> server.stubFor(get(urlPathEqualTo(path(base) + "/" + type))
        .withQueryParam("patient", equalTo(patientId)).willReturn(ok(edit.apply(Examples.fhirServerFile(type + ".json"))))));
  }

  void stubRead(String base, ResponseDefinitionBuilder response) {
    server.stubFor(get(urlPathEqualTo(path(base) + "/Patient/" + Examples.PATIENT_ID)).willReturn(response));
  }

  void stubSearch(String base, String type, ResponseDefinitionBuilder response) {
    server.stubFor(search(base, type).willReturn(response));
  }

  MappingBuilder search(String base, String type) {
    return get(urlPathEqualTo(path(base) + "/" + type)).withQueryParam("patient", equalTo(Examples.PATIENT_ID));
  }

  void stubFor(MappingBuilder mapping) {
    server.stubFor(mapping);
  }

  static ResponseDefinitionBuilder ok(String body) {
    return aResponse().withStatus(200).withHeader("Content-Type", FHIR_JSON).withBody(body);
  }

  /** Every request that reached this server under {@code base}. */
  List<LoggedRequest> requests(String base) {
    return server.findAll(anyRequestedFor(urlPathMatching(Pattern.quote(path(base)) + "(/.*)?")));
  }

  List<LoggedRequest> requestsForType(String base, String type) {
    return server.findAll(anyRequestedFor(urlPathEqualTo(path(base) + "/" + type)));
  }

  int totalRequests() {
    return server.getAllServeEvents().size();
  }

  private String path(String base) {
    return base.substring(server.baseUrl().length());
  }
}
