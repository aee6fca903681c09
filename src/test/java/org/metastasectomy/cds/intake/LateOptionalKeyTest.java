package org.metastasectomy.cds.intake;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.http.impl.client.CloseableHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.metastasectomy.cds.cdshooks.CdsRequest;
import org.metastasectomy.cds.cdshooks.ServiceDescriptor;

/**
 * What a late optional key does (issue 14, item 1): the answer goes out without it, and the key is named as
 * unavailable (the card says what could not be fetched); patient-view, which is not order-time critical, waits longer
 * for it than the order hooks. The required keys are answered in time either way.
 */
class LateOptionalKeyTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static final Map<String, String> PREFETCH = Map.of("patient", "Patient/{{context.patientId}}",
      "conditions", "Condition?patient={{context.patientId}}", "observations", "Observation?patient={{context.patientId}}");
  /** Observations answer this late: after the order hooks' deadline, before patient-view's. */
  static final int LATE_MS = 3000;

  WireMockServer ehr;
  CloseableHttpClient http;
  ExecutorService executor;
  PrefetchResolver resolver;

  @BeforeEach
  void start() {
    ehr = new WireMockServer(wireMockConfig().dynamicPort());
    ehr.start();
    ehr.stubFor(get(urlPathEqualTo("/fhir/Patient/p1")).willReturn(EhrFhirClientBoundsTest.fhir("{\"resourceType\":\"Patient\",\"id\":\"p1\"}")));
    ehr.stubFor(get(urlPathEqualTo("/fhir/Condition")).willReturn(EhrFhirClientBoundsTest.fhir(EhrFhirClientBoundsTest.EMPTY)));
    ehr.stubFor(get(urlPathEqualTo("/fhir/Observation"))
        .willReturn(EhrFhirClientBoundsTest.fhir(EhrFhirClientBoundsTest.bundleOf(3)).withFixedDelay(LATE_MS)));
    http = TestEhrClients.http();
    executor = Executors.newFixedThreadPool(8);
    FetchSettings settings = FetchSettings.defaults().withTimeouts(Duration.ofMillis(500), Duration.ofSeconds(30))
        .withDeadlines(Duration.ofMillis(1500), Duration.ofSeconds(20));
    resolver = new PrefetchResolver(TestEhrClients.client(http, List.of(base()), settings, executor, TestEhrClients.breakers(),
        FetchListener.NONE));
  }

  @AfterEach
  void stop() throws Exception {
    executor.shutdownNow();
    http.close();
    ehr.stop();
  }

  @Test
  void anOrderHookAnswersWithoutALateOptionalKeyAndNamesIt() throws Exception {
    PrefetchData data = resolver.resolve(service("order-sign"), request("order-sign"));

    assertThat(data.unavailable()).containsExactly("observations");
    assertThat(data.fetched()).containsKeys("patient", "conditions");
  }

  @Test
  void patientViewWaitsForItWithinItsLongerDeadline() throws Exception {
    PrefetchData data = resolver.resolve(service("patient-view"), request("patient-view"));

    assertThat(data.unavailable()).isEmpty();
    assertThat(data.fetched().get("observations")).hasSize(3);
  }

  private static ServiceDescriptor service(String hook) {
    return new ServiceDescriptor(hook, "t", "d", "s", PREFETCH, null);
  }

  private CdsRequest request(String hook) throws Exception {
    return new CdsRequest(hook, "c9e2a0f4-5b8e-4a7e-9d55-0f1b7c0b3a11", base(), null,
        JSON.readTree("{\"patientId\":\"p1\",\"userId\":\"Practitioner/u1\"}"), Map.of());
  }

  private String base() {
    return ehr.baseUrl() + "/fhir";
  }
}
