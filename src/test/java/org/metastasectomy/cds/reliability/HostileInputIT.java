package org.metastasectomy.cds.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Hostile and broken requests get a 4xx with an OperationOutcome that names what is wrong: never a 5xx, never a hang.
 * The limits are the defaults (cds.limits: 5 MB body, nesting depth 100, strings of 1,000,000 characters).
 */
class HostileInputIT extends RunningService {
  static final String HOOK = "/cds-services/" + Examples.PATIENT_VIEW;
  static final int MAX_BODY = 5 * 1024 * 1024;

  @Test
  void aBodyOverTheLimitIs413() {
    byte[] body = padded(MAX_BODY + 1);

    Http.Reply reply = http.post(HOOK, body, "application/json");

    assertError(reply, 413, "too-costly");
  }

  @Test
  void aBodyJustUnderTheLimitIsRead() {
    Http.Reply reply = http.post(HOOK, padded(MAX_BODY - 16), "application/json");

    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
  }

  @Test
  void aHugeStreamedBodyIsCutOffAt413WithoutReadingItAll() {
    Http.Reply reply = http.postStreamed(HOOK, 20 * 1024 * 1024);

    assertError(reply, 413, "too-costly");
    assertThat(reply.elapsed().toSeconds()).isLessThan(20);
  }

  @ParameterizedTest
  @ValueSource(strings = {"text/plain", "application/xml", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x"})
  void aBodyThatIsNotJsonByContentTypeIs415(String contentType) {
    Http.Reply reply = http.post(HOOK, Examples.request(Examples.FAVOURABLE).toString().getBytes(StandardCharsets.UTF_8), contentType);

    assertError(reply, 415, "not-supported");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", " ", "{", "}", "[]", "null", "42", "\"hook\"", "{\"hook\":}", "{\"hook\":\"patient-view\"} {}",
      "{'hook':'patient-view'}", "{\"hook\":\"patient-view\",}", "\u0000", "{\"a\":\"\\uD800\"}", "<xml/>"})
  void malformedJsonIs400(String body) {
    Http.Reply reply = http.post(HOOK, body);

    assertThat(reply.status()).as(body).isEqualTo(400);
    assertThat(reply.isJson()).isTrue();
    assertThat(reply.json().path("resourceType").asText()).isEqualTo("OperationOutcome");
  }

  @Test
  void invalidUtf8Is400() {
    byte[] body = "{\"hook\":\"patient-view\",\"hookInstance\":\"\u0000".getBytes(StandardCharsets.UTF_8);
    byte[] bad = new byte[body.length + 3];
    System.arraycopy(body, 0, bad, 0, body.length);
    bad[body.length] = (byte) 0xC3;
    bad[body.length + 1] = (byte) 0x28;
    bad[body.length + 2] = (byte) '}';

    assertError(http.post(HOOK, bad, "application/json"), 400, "invalid");
  }

  @ParameterizedTest
  @ValueSource(ints = {101, 1_000, 100_000})
  void nestingDeeperThanTheLimitIs400(int depth) {
    ObjectNode request = Examples.request(Examples.FAVOURABLE);
    String nested = "[".repeat(depth) + "]".repeat(depth);
    String body = request.toString().replaceFirst("\\{", "{\"extension\":{\"deep\":" + nested + "},");

    assertError(http.post(HOOK, body), 400, "invalid");
  }

  @Test
  void aStringLongerThanTheLimitIs400() {
    ObjectNode request = Examples.request(Examples.FAVOURABLE);
    request.put("hookInstance", "x".repeat(1_000_001));

    assertError(http.post(HOOK, request), 400, "invalid");
  }

  /** Every field of the request and of the patient-view context, with values of every wrong type. */
  static Stream<Arguments> wrongShapes() {
    JsonNodeFactory f = JsonNodeFactory.instance;
    List<JsonNode> wrong = List.of(f.numberNode(42), f.booleanNode(true), f.arrayNode(), f.objectNode(), f.textNode(""),
        f.textNode(" "), f.numberNode(new java.math.BigDecimal("1e400")), f.textNode("../../etc/passwd"),
        f.textNode("a".repeat(10_000)));
    List<Arguments> out = new ArrayList<>();
    for (String field : List.of("hook", "hookInstance", "fhirServer", "fhirAuthorization", "context", "context.patientId",
        "context.userId", "prefetch", "prefetch.patient", "prefetch.conditions", "prefetch.observations")) {
      for (JsonNode value : wrong) {
        out.add(Arguments.of(field, value));
      }
      out.add(Arguments.of(field, f.nullNode()));
    }
    return out.stream();
  }

  @ParameterizedTest(name = "{0} = {1}")
  @MethodSource("wrongShapes")
  void aFieldOfTheWrongShapeIsNeverA5xx(String field, JsonNode value) {
    ObjectNode request = Examples.request(Examples.FAVOURABLE);
    set(request, field, value);

    Http.Reply reply = http.hook(Examples.PATIENT_VIEW, request);

    assertThat(reply.status()).as(reply.body()).isLessThan(500);
    assertThat(reply.isJson()).as(reply.body()).isTrue();
    if (reply.status() != 200) {
      assertThat(reply.json().path("resourceType").asText()).isEqualTo("OperationOutcome");
    }
    boolean required = List.of("hook", "hookInstance", "context", "context.patientId", "context.userId").contains(field);
    if (required && !(value.isTextual() && !value.asText().isBlank())) {
      assertThat(reply.status()).isEqualTo(400);
      assertThat(reply.json().path("issue").path(0).path("expression").path(0).asText()).startsWith(field);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"../../etc/passwd", "Patient/x", "a b", "x%00", "\u202Eevil", "<script>"})
  void identifiersThatAreNotFhirIdsAre400(String id) {
    ObjectNode request = Examples.request(Examples.FAVOURABLE);
    ((ObjectNode) request.get("context")).put("patientId", id);

    assertError(http.hook(Examples.PATIENT_VIEW, request), 400, "invalid");
  }

  @ParameterizedTest
  @ValueSource(strings = {"Foo", "ActorDefinition", "ProcedureRequest", "ReferralRequest", "DeviceUsage", "", "Patient/1"})
  void aPrefetchResourceTypeThatR4DoesNotKnowIs400NamingTheKey(String resourceType) {
    ObjectNode request = Examples.request(Examples.FAVOURABLE);
    ((ObjectNode) request.get("prefetch")).putObject("observations").put("resourceType", resourceType).put("id", "x");

    Http.Reply reply = http.hook(Examples.PATIENT_VIEW, request);

    assertError(reply, 400, "invalid");
    assertThat(reply.json().path("issue").path(0).path("expression").path(0).asText()).isEqualTo("prefetch.observations");
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "{\"resourceType\":\"Bundle\",\"type\":\"searchset\",\"entry\":[{\"resource\":{\"resourceType\":\"Nope\"}}]}",
      "{\"resourceType\":\"Bundle\",\"type\":\"searchset\",\"entry\":[\"garbage\"]}",
      "{\"resourceType\":\"Bundle\",\"type\":\"searchset\",\"entry\":[{\"resource\":42}]}",
      "{\"resourceType\":\"Bundle\",\"type\":\"searchset\",\"entry\":[{\"resource\":[1,2]}]}",
      "{\"resourceType\":\"Bundle\",\"type\":\"searchset\",\"entry\":{\"not\":\"an array\"}}",
      "{\"resourceType\":\"Bundle\",\"type\":\"searchset\",\"entry\":[{\"resource\":{\"resourceType\":\"Observation\",\"valueQuantity\":{\"value\":\"twelve\"}}}]}",
      "{\"resourceType\":\"Bundle\",\"type\":\"searchset\",\"entry\":[{\"resource\":{\"resourceType\":\"Observation\",\"effectiveDateTime\":\"yesterday\",\"status\":\"final\"}}]}",
      "{\"resourceType\":\"Bundle\",\"type\":\"searchset\",\"entry\":[{\"resource\":{\"resourceType\":\"Observation\",\"valueQuantity\":{\"value\":1e999}}}]}",
      "{\"resourceType\":\"Bundle\",\"entry\":[{\"resource\":{\"resourceType\":\"Bundle\",\"entry\":[{\"resource\":{\"resourceType\":\"Observation\"}}]}}]}",
      "{\"resourceType\":\"Bundle\",\"type\":\"searchset\",\"entry\":[{\"resource\":{\"resourceType\":\"Observation\",\"status\":\"final\",\"code\":{\"coding\":[{\"system\":\"http://loinc.org\",\"code\":\"718-7\"}]},\"subject\":{\"reference\":\"Patient/mrcc-solitary-lung\"},\"effectiveDateTime\":\"2026-11-10\",\"valueQuantity\":{\"value\":12,\"unit\":\"furlongs\",\"system\":\"http://unitsofmeasure.org\",\"code\":\"[furlong]\"}}}]}",
      "{\"resourceType\":\"Bundle\",\"type\":\"searchset\",\"entry\":[{\"resource\":{\"resourceType\":\"Observation\",\"status\":\"final\",\"code\":{\"coding\":[{\"system\":\"http://loinc.org\",\"code\":\"718-7\"}]},\"subject\":{\"reference\":\"Patient/mrcc-solitary-lung\"},\"effectiveDateTime\":\"2026-11-10\",\"valueQuantity\":{\"value\":-1e308,\"code\":\"g/dL\"}}}]}"})
  void aBundleWithGarbageIs400OrIgnoredNeverA5xx(String bundle) {
    ObjectNode request = Examples.request(Examples.FAVOURABLE);
    ((ObjectNode) request.get("prefetch")).set("observations", Examples.parse(bundle));

    Http.Reply reply = http.hook(Examples.PATIENT_VIEW, request);

    assertThat(reply.status()).as(reply.body()).isIn(200, 400);
    assertThat(reply.isJson()).isTrue();
    if (reply.status() == 400) {
      assertThat(reply.json().path("issue").path(0).path("expression").path(0).asText()).isEqualTo("prefetch.observations");
    } else {
      assertThat(reply.json().path("cards")).hasSize(1);
    }
  }

  @Test
  void elementsOfALaterFhirVersionAreIgnored() {
    ObjectNode request = Examples.request(Examples.FAVOURABLE);
    ObjectNode patient = (ObjectNode) request.get("prefetch").get("patient");
    patient.putArray("triggeredBy").addObject().put("type", "reflex");
    patient.put("fhirVersion", "5.0.0");

    Http.Reply reply = http.hook(Examples.PATIENT_VIEW, request);

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.json().path("cards")).hasSize(1);
  }

  @Test
  void anOperationOutcomeInPrefetchIsAFailedPrefetchNotData() {
    ObjectNode request = Examples.request(Examples.FAVOURABLE);
    ((ObjectNode) request.get("prefetch")).putObject("conditions").put("resourceType", "OperationOutcome")
        .putArray("issue").addObject().put("severity", "error").put("code", "timeout");

    Http.Reply reply = http.hook(Examples.PATIENT_VIEW, request);

    assertError(reply, 412, "not-found");
    assertThat(reply.json().path("issue").path(0).path("expression").path(0).asText()).isEqualTo("prefetch.conditions");
  }

  @ParameterizedTest
  @ValueSource(strings = {"{\"resourceType\":\"Patient\"}", "[]", "\"Bundle\"", "{\"resourceType\":\"Bundle\",\"entry\":[{\"resource\":42}]}"})
  void draftOrdersThatAreNotABundleAre400(String draftOrders) {
    ObjectNode request = Examples.request("order-select-tki-favourable");
    ((ObjectNode) request.get("context")).set("draftOrders", Examples.parse(draftOrders));

    Http.Reply reply = http.hook("metastasectomy-order-select", request);

    assertError(reply, 400, "invalid");
    assertThat(reply.json().path("issue").path(0).path("expression").path(0).asText()).isEqualTo("context.draftOrders");
  }

  @Test
  void draftOrderEntriesThatAreNotResourcesAreIgnored() {
    ObjectNode request = Examples.request("order-select-tki-favourable");
    ((ObjectNode) request.get("context")).set("draftOrders", Examples.parse("{\"resourceType\":\"Bundle\",\"entry\":\"x\"}"));

    Http.Reply reply = http.hook("metastasectomy-order-select", request);

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.json().path("cards")).isEmpty();
  }

  @Test
  void unknownServicesAndMethodsAreJsonErrors() {
    assertError(http.post("/cds-services/no-such-service", Examples.request(Examples.FAVOURABLE)), 404, "not-found");
    assertError(http.get(HOOK), 405, "not-supported");
    assertError(http.post("/cds-services/" + "x".repeat(5000), "{}"), 404, "not-found");
  }

  @Test
  void aHookInstanceLongerThanTheAuditColumnIs400NamingIt() {
    ObjectNode request = Examples.request(Examples.FAVOURABLE).put("hookInstance", "h".repeat(101));

    Http.Reply reply = http.hook(Examples.PATIENT_VIEW, request);

    assertError(reply, 400, "invalid");
    assertThat(reply.json().at("/issue/0/expression/0").asText()).isEqualTo("hookInstance");
  }

  @Test
  void theErrorPageAskedForDirectlyIsA404OperationOutcomeNotA500() {
    assertError(http.get("/error"), 404, "not-found");
  }

  @Test
  void headersOverTheLimitGetA400OperationOutcomeNotTomcatsHtmlPage() throws Exception {
    java.net.http.HttpResponse<String> reply = java.net.http.HttpClient.newHttpClient().send(
        java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port + HOOK))
            .header("X-Padding", "p".repeat(10_000)).GET().build(),
        java.net.http.HttpResponse.BodyHandlers.ofString());

    assertError(new Http.Reply(reply.statusCode(), reply.body(), reply.headers().firstValue("Content-Type").orElse(null),
        java.time.Duration.ZERO), 400, "invalid");
    assertThat(reply.body()).doesNotContain("<html").doesNotContain("Tomcat");
  }

  @Test
  void theServiceStillAnswersAfterwards() {
    http.post(HOOK, padded(MAX_BODY + 1), "application/json");
    http.post(HOOK, "[".repeat(100_000));

    Http.Reply reply = http.hook(Examples.PATIENT_VIEW, Examples.request(Examples.FAVOURABLE));

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.json().path("cards")).hasSize(1);
  }

  private static void assertError(Http.Reply reply, int status, String code) {
    assertThat(reply.status()).as(reply.body()).isEqualTo(status);
    assertThat(reply.isJson()).as(reply.body()).isTrue();
    JsonNode body = reply.json();
    assertThat(body.path("resourceType").asText()).isEqualTo("OperationOutcome");
    assertThat(body.path("issue").path(0).path("code").asText()).isEqualTo(code);
    assertThat(reply.body()).doesNotContain("Exception").doesNotContain("\tat ");
  }

  /** The favourable example padded with spaces to exactly {@code size} bytes. */
  private static byte[] padded(int size) {
    byte[] json = Examples.request(Examples.FAVOURABLE).toString().getBytes(StandardCharsets.UTF_8);
    byte[] out = new byte[size];
    System.arraycopy(json, 0, out, 0, json.length);
    java.util.Arrays.fill(out, json.length, size, (byte) ' ');
    return out;
  }

  private static void set(ObjectNode request, String path, JsonNode value) {
    String[] parts = path.split("\\.");
    ObjectNode parent = request;
    for (int i = 0; i < parts.length - 1; i++) {
      parent = (ObjectNode) parent.get(parts[i]);
    }
    parent.set(parts[parts.length - 1], value);
  }
}
