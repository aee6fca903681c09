package org.metastasectomy.cds.hooks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.metastasectomy.cds.knowledge.KnowledgeBase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** What operators and orchestrators rely on: probes, Prometheus metrics, the OpenAPI description. */
@AutoConfigureObservability(tracing = false) // tests otherwise swap the Prometheus registry for a simple one
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "spring.datasource.url=jdbc:h2:mem:operations;DB_CLOSE_DELAY=-1")
class OperationsEndpointsIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient http = HttpClient.newHttpClient();

  @LocalServerPort
  int port;

  @Autowired
  KnowledgeBase knowledge;

  @Test
  void readinessReportsTheLoadedKnowledge() throws Exception {
    HttpResponse<String> ready = get("/actuator/health/readiness");
    assertThat(ready.statusCode()).isEqualTo(200);
    JsonNode body = JSON.readTree(ready.body());
    assertThat(body.path("status").asText()).isEqualTo("UP");
    assertThat(body.at("/components/knowledge/details/modelVersion").asText()).isEqualTo(knowledge.model().version());
    assertThat(body.at("/components/knowledge/details/rules").asInt()).isEqualTo(knowledge.model().rules().size()).isPositive();
    assertThat(body.path("components").has("db")).as("a database outage must not stop hooks being answered").isFalse();
  }

  @Test
  void livenessIsUp() throws Exception {
    HttpResponse<String> live = get("/actuator/health/liveness");
    assertThat(live.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(live.body()).path("status").asText()).isEqualTo("UP");
  }

  @Test
  void prometheusHasLatencyHistogramsPerServiceAndCardsByType() throws Exception {
    String body = Files.readString(Path.of("cds-hooks/examples/solitary-lung-favourable/request.json"));
    HttpResponse<String> hook = http.send(HttpRequest.newBuilder(uri("/cds-services/metastasectomy-patient-view"))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(hook.statusCode()).isEqualTo(200);
    assertThat(get("/cds-services").statusCode()).isEqualTo(200);

    String metrics = get("/actuator/prometheus").body();
    assertThat(metrics)
        .contains("cds_hook_seconds_bucket{service=\"metastasectomy-patient-view\",status=\"200\"")
        .contains("http_server_requests_seconds_count{")
        .as("other endpoints keep http.server.requests").contains("uri=\"/cds-services\"")
        .as("hook calls are timed once, by cds_hook_seconds (issue 17)").doesNotContain("uri=\"/cds-services/{id}\"");
    assertThat(metrics.lines().filter(l -> l.startsWith("cds_cards_total{type=\"TUMOUR_BOARD_REVIEW\"")))
        .as("the example patient gets a tumour board card").hasSize(1);
  }

  @Test
  void theOpenApiDescriptionDescribesTheCdsHooksEndpointsTheirBodiesAndErrors() throws Exception {
    HttpResponse<String> docs = get("/v3/api-docs");
    assertThat(docs.statusCode()).isEqualTo(200);
    JsonNode api = JSON.readTree(docs.body());
    assertThat(api.at("/info/title").asText()).isEqualTo("metastasectomy-cds");
    assertThat(api.at("/info/version").asText()).isEqualTo(projectVersion());

    JsonNode discovery = api.at("/paths/~1cds-services/get");
    assertThat(schemaRef(discovery.at("/responses/200"))).isEqualTo("DiscoveryResponse");

    JsonNode invoke = api.at("/paths/~1cds-services~1{id}/post");
    assertThat(schemaRef(invoke.at("/requestBody"))).isEqualTo("CdsRequest");
    assertThat(invoke.at("/requestBody/required").asBoolean()).isTrue();
    assertThat(schemaRef(invoke.at("/responses/200"))).isEqualTo("CdsResponse");
    assertThat(invoke.at("/parameters/0/schema/enum").toString())
        .contains("metastasectomy-patient-view", "metastasectomy-order-select", "metastasectomy-order-sign");
    for (String status : List.of("400", "404", "405", "412", "413", "415")) {
      assertThat(schemaRef(invoke.at("/responses/" + status))).as(status).isEqualTo("OperationOutcome");
    }

    JsonNode feedback = api.at("/paths/~1cds-services~1{id}~1feedback/post");
    assertThat(schemaRef(feedback.at("/requestBody"))).isEqualTo("FeedbackRequest");
    for (String status : List.of("400", "404", "413", "415", "503")) {
      assertThat(schemaRef(feedback.at("/responses/" + status))).as(status).isEqualTo("OperationOutcome");
    }

    JsonNode schemas = api.at("/components/schemas");
    assertThat(names(schemas.at("/CdsRequest/properties")))
        .contains("hook", "hookInstance", "fhirServer", "fhirAuthorization", "context", "prefetch");
    assertThat(schemas.at("/CdsRequest/required").toString()).contains("hook", "hookInstance", "context");
    assertThat(names(schemas.at("/FhirAuthorization/properties"))).contains("access_token", "token_type", "expires_in");
    assertThat(names(schemas.at("/Card/properties"))).contains("uuid", "summary", "indicator", "source", "links");
    assertThat(names(schemas.at("/Feedback/properties"))).contains("card", "outcome", "overrideReason", "outcomeTimestamp");
    assertThat(names(schemas.at("/OperationOutcome/properties"))).contains("resourceType", "issue");
  }

  private static String schemaRef(JsonNode withContent) {
    return withContent.at("/content/application~1json/schema/$ref").asText().replace("#/components/schemas/", "");
  }

  private static List<String> names(JsonNode object) {
    List<String> out = new ArrayList<>();
    object.fieldNames().forEachRemaining(out::add);
    return out;
  }

  private static String projectVersion() throws Exception {
    String pom = Files.readString(Path.of("pom.xml"));
    int start = pom.indexOf("<version>", pom.indexOf("</parent>")) + "<version>".length();
    return pom.substring(start, pom.indexOf("</version>", start));
  }

  private HttpResponse<String> get(String path) throws Exception {
    return http.send(HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  private URI uri(String path) {
    return URI.create("http://localhost:" + port + path);
  }
}
