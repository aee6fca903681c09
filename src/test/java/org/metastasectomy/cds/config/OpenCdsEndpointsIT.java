package org.metastasectomy.cds.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.servlet.DelegatingFilterProxyRegistrationBean;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.ApplicationContext;

/**
 * With client authentication off, hook calls skip Spring Security's filter chain entirely (issue 17), while every other
 * path, and any CDS path the firewall must judge, still goes through it exactly once.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "spring.datasource.url=jdbc:h2:mem:open-cds-endpoints-it;DB_CLOSE_DELAY=-1")
class OpenCdsEndpointsIT {
  @LocalServerPort int port;
  @Autowired ApplicationContext context;
  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void springBootsRegistrationForEveryPathIsReplacedByOursNotAdded() {
    assertThat(context.getBean("securityFilterChainRegistration", DelegatingFilterProxyRegistrationBean.class).isEnabled())
        .as("Spring Boot's registration of the security filter (else it would run twice, or for hook calls)").isFalse();
    assertThat(context.getBean("securityExceptCdsEndpoints", FilterRegistrationBean.class).isEnabled()).isTrue();
  }

  @Test
  void hookCallsAreAnsweredWithTheirOwnHeaders() throws Exception {
    HttpResponse<String> hook = post("/cds-services/metastasectomy-order-select", Files.readString(Path.of("cds-hooks/examples/no-rcc/request.json")));
    assertThat(hook.statusCode()).isEqualTo(200);
    assertThat(hook.body()).isEqualTo("{\"cards\":[]}");
    assertThat(hook.headers().firstValue("Cache-Control")).contains("no-store");
    assertThat(hook.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
  }

  @Test
  void otherPathsStillGetSpringSecuritysHeaders() throws Exception {
    HttpResponse<String> rules = http.send(HttpRequest.newBuilder(uri("/rules")).GET().build(), HttpResponse.BodyHandlers.ofString());
    assertThat(rules.statusCode()).isEqualTo(200);
    assertThat(rules.headers().firstValue("X-Frame-Options")).as("written by Spring Security's header filter").contains("DENY");
  }

  @Test
  void aCdsPathTheFirewallMustJudgeIsStillRejectedByIt() throws Exception {
    HttpResponse<String> odd = post("/cds-services/metastasectomy-order-select;x=1", "{}");
    assertThat(odd.statusCode()).as("StrictHttpFirewall rejects a ';' in the path").isEqualTo(400);
  }

  private HttpResponse<String> post(String path, String body) throws Exception {
    return http.send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private URI uri(String path) {
    return URI.create("http://localhost:" + port + path);
  }
}
