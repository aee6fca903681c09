package org.metastasectomy.cds.hooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.metastasectomy.cds.support.Examples;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Browser clients such as the CDS Hooks Sandbox call from another origin with Authorization and Content-Type. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"spring.datasource.url=jdbc:h2:mem:cors;DB_CLOSE_DELAY=-1",
        "cds.cors.allowed-origins=https://sandbox.cds-hooks.org"})
class CorsIT {
  private static final String SANDBOX = "https://sandbox.cds-hooks.org";

  @LocalServerPort
  int port;

  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void preflightFromTheSandboxAllowsPostWithAuthorizationAndContentType() throws Exception {
    HttpResponse<String> res = http.send(HttpRequest.newBuilder(uri("/cds-services/metastasectomy-patient-view"))
        .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
        .header("Origin", SANDBOX)
        .header("Access-Control-Request-Method", "POST")
        .header("Access-Control-Request-Headers", "authorization,content-type")
        .build(), HttpResponse.BodyHandlers.ofString());
    assertThat(res.statusCode()).isEqualTo(200);
    assertThat(res.headers().firstValue("Access-Control-Allow-Origin")).contains(SANDBOX);
    assertThat(res.headers().firstValue("Access-Control-Allow-Methods").orElse("")).contains("POST");
    assertThat(res.headers().firstValue("Access-Control-Allow-Headers").orElse("").toLowerCase())
        .contains("authorization", "content-type");
  }

  @Test
  void responsesCarryTheAllowOriginHeaderForDiscoveryAndInvocation() throws Exception {
    HttpResponse<String> discovery = http.send(HttpRequest.newBuilder(uri("/cds-services")).header("Origin", SANDBOX).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(discovery.headers().firstValue("Access-Control-Allow-Origin")).contains(SANDBOX);

    HttpResponse<String> invoke = http.send(HttpRequest.newBuilder(uri("/cds-services/metastasectomy-order-select"))
        .header("Origin", SANDBOX).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(Examples.request("no-rcc").toString())).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(invoke.statusCode()).isEqualTo(200);
    assertThat(invoke.headers().firstValue("Access-Control-Allow-Origin")).contains(SANDBOX);
    assertThat(invoke.headers().firstValue("Cache-Control")).as("answers about a patient are never cached").contains("no-store");
    assertThat(invoke.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
  }

  @Test
  void anOriginNotConfiguredIsNotAllowed() throws Exception {
    HttpResponse<String> res = http.send(HttpRequest.newBuilder(uri("/cds-services/metastasectomy-patient-view"))
        .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
        .header("Origin", "https://evil.example")
        .header("Access-Control-Request-Method", "POST")
        .build(), HttpResponse.BodyHandlers.ofString());
    assertThat(res.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
  }

  private URI uri(String path) {
    return URI.create("http://localhost:" + port + path);
  }
}
