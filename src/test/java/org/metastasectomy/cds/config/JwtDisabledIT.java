package org.metastasectomy.cds.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The default local setup: no client authentication, and a loud warning that says so. */
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "spring.datasource.url=jdbc:h2:mem:jwt-disabled-it;DB_CLOSE_DELAY=-1")
class JwtDisabledIT {
  @LocalServerPort int port;
  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void everyCdsEndpointAnswersWithoutAToken() throws Exception {
    assertThat(send("GET", "/cds-services", null, null).statusCode()).isEqualTo(200);
    HttpResponse<String> invocation = send("POST", "/cds-services/metastasectomy-order-select",
        Files.readString(Path.of("cds-hooks/examples/no-rcc/request.json")), null);
    assertThat(invocation.statusCode()).isEqualTo(200);
    assertThat(invocation.body()).isEqualTo("{\"cards\":[]}");
    HttpResponse<String> card = send("POST", "/cds-services/metastasectomy-patient-view",
        Files.readString(Path.of("cds-hooks/examples/solitary-lung-favourable/request.json")), null);
    String uuid = card.body().replaceFirst("(?s)^.*?\"uuid\":\"([^\"]+)\".*$", "$1");
    String feedback = "{\"feedback\":[{\"card\":\"" + uuid + "\",\"outcome\":\"overridden\","
        + "\"outcomeTimestamp\":\"2026-11-27T10:00:00Z\"}]}";
    assertThat(send("POST", "/cds-services/metastasectomy-patient-view/feedback", feedback, null).statusCode()).isEqualTo(200);
  }

  @Test
  void aTokenIsNeitherNeededNorJudged() throws Exception {
    assertThat(send("GET", "/cds-services", null, "not-a-jwt").statusCode()).isEqualTo(200);
  }

  @Test
  void theLogSaysLoudlyThatAuthenticationIsOff(CapturedOutput output) {
    assertThat(output.getAll()).contains("*** CDS client authentication is OFF (cds.security.jwt.enabled=false)");
  }

  private HttpResponse<String> send(String method, String path, String body, String token) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    if (body != null) {
      request.header("Content-Type", "application/json");
    }
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
