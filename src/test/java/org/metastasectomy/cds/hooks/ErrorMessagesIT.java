package org.metastasectomy.cds.hooks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Errors an EHR integrator meets first, each saying what to change. */
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "spring.datasource.url=jdbc:h2:mem:error-messages;DB_CLOSE_DELAY=-1")
class ErrorMessagesIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String SERVICES = "metastasectomy-patient-view, metastasectomy-order-select, metastasectomy-order-sign";
  private final HttpClient http = HttpClient.newHttpClient();

  @LocalServerPort
  int port;

  @Test
  void getOnAHookIs405WithAllowPostAndSaysHowToCallIt() throws Exception {
    for (String path : new String[] {"/cds-services/metastasectomy-patient-view", "/cds-services/metastasectomy-order-sign/feedback"}) {
      HttpResponse<String> response = send(HttpRequest.newBuilder(uri(path)).GET());

      assertThat(response.statusCode()).isEqualTo(405);
      assertThat(response.headers().firstValue("Allow")).hasValue("POST");
      assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
      assertThat(diagnostics(response)).startsWith("GET is not supported here; allowed: POST.")
          .contains("called with POST and a JSON body (Content-Type: application/json)", "GET /cds-services lists the services");
    }
  }

  @Test
  void anUnknownServiceIdIs404ListingTheIdsThereAre() throws Exception {
    for (String path : new String[] {"/cds-services/metastasectomy-patientview", "/cds-services/nope/feedback"}) {
      HttpResponse<String> response = send(HttpRequest.newBuilder(uri(path))
          .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")));

      assertThat(response.statusCode()).isEqualTo(404);
      assertThat(diagnostics(response)).contains("the services here are " + SERVICES, "GET /cds-services");
    }
  }

  @Test
  void aFhirServerOffTheAllowListIsNamedWithTheSettingAndLoggedWithoutTheToken(CapturedOutput output) throws Exception {
    ObjectNode request = (ObjectNode) JSON.readTree(Path.of("cds-hooks/examples/prefetch-missing/request.json").toFile());
    request.put("fhirServer", "https://ehr.not-listed.example:8443/fhir/tenant-canary-7");
    ((ObjectNode) request.path("fhirAuthorization")).put("access_token", "TOKEN-CANARY-4711");

    HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/cds-services/metastasectomy-patient-view"))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(request.toString())));

    assertThat(response.statusCode()).isEqualTo(412);
    assertThat(diagnostics(response)).contains("fhirServer https://ehr.not-listed.example:8443 is not allowed",
        "cds.fhir.allowed-servers").doesNotContain("tenant-canary");
    assertThat(output.getAll()).contains("fhirServer https://ehr.not-listed.example:8443 is not on cds.fhir.allowed-servers")
        .doesNotContain("TOKEN-CANARY").doesNotContain("tenant-canary");
  }

  private static String diagnostics(HttpResponse<String> response) throws Exception {
    JsonNode body = JSON.readTree(response.body());
    assertThat(body.path("resourceType").asText()).isEqualTo("OperationOutcome");
    return body.at("/issue/0/diagnostics").asText();
  }

  private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private URI uri(String path) {
    return URI.create("http://localhost:" + port + path);
  }
}
