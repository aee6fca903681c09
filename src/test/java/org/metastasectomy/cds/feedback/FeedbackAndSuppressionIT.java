package org.metastasectomy.cds.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.metastasectomy.cds.support.Examples;
import org.metastasectomy.cds.support.FixedClockConfiguration;
import org.metastasectomy.cds.support.ServiceClient;
import org.metastasectomy.cds.support.ServiceClient.Answer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Feedback through the real database: validation, idempotence, reporting, and the suppression it causes. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"spring.datasource.url=jdbc:h2:mem:feedback;DB_CLOSE_DELAY=-1",
        "cds.operator.password=" + FeedbackAndSuppressionIT.OPERATOR_PASSWORD})
@Import(FixedClockConfiguration.class)
class FeedbackAndSuppressionIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String PATIENT_VIEW = "/cds-services/metastasectomy-patient-view";
  static final String OPERATOR_PASSWORD = "operator-secret-for-tests-only";

  @LocalServerPort
  int port;

  @Autowired
  JdbcClient jdbc;

  @Autowired
  org.metastasectomy.cds.audit.AuditWriter auditWriter;

  @Autowired
  FeedbackRetention retention;

  private ServiceClient client;

  @BeforeEach
  void setUp() {
    client = new ServiceClient(port);
    jdbc.sql("DELETE FROM feedback").update();
    jdbc.sql("DELETE FROM issued_card").update();
  }

  @Test
  void overriddenCardQuietsTheSameRecommendationForThatPatientOnly() {
    ObjectNode request = Examples.request("solitary-lung-favourable");
    JsonNode card = firstCard(client.post(PATIENT_VIEW, request));

    Answer stored = client.post(PATIENT_VIEW + "/feedback", overridden(card.get("uuid").asText(), "already-discussed"));
    assertThat(stored.status()).isEqualTo(200);
    assertThat(stored.body().get("stored").asInt()).isEqualTo(1);

    assertThat(client.post(PATIENT_VIEW, request.put("hookInstance", UUID.randomUUID().toString())).body().get("cards")).isEmpty();

    ObjectNode otherPatient = Examples.request("multi-organ-unfavourable");
    assertThat(client.post(PATIENT_VIEW, otherPatient).body().get("cards")).hasSize(1);
  }

  @Test
  void acceptedSuggestionAlsoQuietsTheRecommendation() {
    ObjectNode request = Examples.request("solitary-lung-favourable");
    JsonNode card = firstCard(client.post(PATIENT_VIEW, request));
    ObjectNode item = item(card.get("uuid").asText(), "accepted");
    item.putArray("acceptedSuggestions").addObject().put("id", card.get("suggestions").get(0).get("uuid").asText());
    assertThat(client.post(PATIENT_VIEW + "/feedback", wrap(item)).status()).isEqualTo(200);
    assertThat(client.post(PATIENT_VIEW, request).body().get("cards")).isEmpty();
  }

  @Test
  void theSameFeedbackSentTwiceIsStoredOnce() {
    JsonNode card = firstCard(client.post(PATIENT_VIEW, Examples.request("solitary-lung-favourable")));
    ObjectNode body = overridden(card.get("uuid").asText(), "not-surgical-candidate");
    assertThat(client.post(PATIENT_VIEW + "/feedback", body).body().get("stored").asInt()).isEqualTo(1);
    assertThat(client.post(PATIENT_VIEW + "/feedback", body).body().get("stored").asInt()).isZero();
    assertThat(jdbc.sql("SELECT COUNT(*) FROM feedback").query(Integer.class).single()).isEqualTo(1);
  }

  @Test
  void theFeedbackReportCountsOutcomesAndReasonsPerCardType() {
    JsonNode card = firstCard(client.post(PATIENT_VIEW, Examples.request("solitary-lung-favourable")));
    client.post(PATIENT_VIEW + "/feedback", overridden(card.get("uuid").asText(), "patient-declines-surgery"));
    JsonNode report = client.get("/actuator/feedback").body();
    assertThat(report.toString()).contains("\"cardType\":\"TUMOUR_BOARD_REVIEW\"", "\"outcome\":\"overridden\"",
        "\"overrideCode\":\"patient-declines-surgery\"", "\"count\":1");
  }

  @Test
  void aDocumentedTumourBoardReviewQuietsTheRecommendation() {
    assertThat(client.post(PATIENT_VIEW, withTumourBoard(Examples.request("solitary-lung-favourable"))).body().get("cards")).isEmpty();
  }

  @Test
  void malformedFeedbackIsRejectedNamingTheField() {
    ObjectNode noOutcome = item("4c1f1d5e-3d0c-4c53-9b7e-6a1f0f9f0a11", "accepted");
    Answer missingSuggestions = client.post(PATIENT_VIEW + "/feedback", wrap(noOutcome));
    assertThat(missingSuggestions.status()).isEqualTo(400);
    assertThat(missingSuggestions.body().toString()).contains("feedback[0].acceptedSuggestions");

    ObjectNode badOutcome = item("4c1f1d5e-3d0c-4c53-9b7e-6a1f0f9f0a11", "ignored");
    assertThat(client.post(PATIENT_VIEW + "/feedback", wrap(badOutcome)).body().toString()).contains("feedback[0].outcome");

    ObjectNode badTime = overridden("4c1f1d5e-3d0c-4c53-9b7e-6a1f0f9f0a11", "other");
    ((ObjectNode) badTime.get("feedback").get(0)).put("outcomeTimestamp", "yesterday");
    assertThat(client.post(PATIENT_VIEW + "/feedback", badTime).body().toString()).contains("outcomeTimestamp");

    assertThat(client.post(PATIENT_VIEW + "/feedback", JSON.createObjectNode().put("card", "x")).body().toString())
        .contains("\"expression\":[\"feedback\"]");
    assertThat(client.post("/cds-services/no-such-service/feedback", overridden("a", "other")).status()).isEqualTo(404);
  }

  // --- issue 15, findings 3 and 8: feedback only on cards this service issued to this caller ---

  @Test
  void feedbackOnACardUuidThisServiceNeverIssuedIs400AndNothingIsStored() {
    Answer answer = client.post(PATIENT_VIEW + "/feedback", overridden(UUID.randomUUID().toString(), "other"));
    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.body().toString()).contains("\"expression\":[\"feedback[0].card\"]", "OperationOutcome");
    assertThat(jdbc.sql("SELECT COUNT(*) FROM feedback").query(Integer.class).single()).isZero();
  }

  @Test
  void feedbackSentToAnotherServiceThanTheOneThatIssuedTheCardIs400AndQuietsNothing() {
    ObjectNode request = Examples.request("solitary-lung-favourable");
    JsonNode card = firstCard(client.post(PATIENT_VIEW, request));
    Answer answer = client.post("/cds-services/metastasectomy-order-select/feedback", overridden(card.get("uuid").asText(), "other"));
    assertThat(answer.status()).isEqualTo(400);
    assertThat(client.post(PATIENT_VIEW, request.put("hookInstance", UUID.randomUUID().toString())).body().get("cards")).hasSize(1);
  }

  @Test
  void oneBadItemRefusesTheWholePostWith400AndStoresNoneOfIt() {
    JsonNode card = firstCard(client.post(PATIENT_VIEW, Examples.request("solitary-lung-favourable")));
    ObjectNode body = overridden(card.get("uuid").asText(), "already-discussed");
    ObjectNode second = overridden(card.get("uuid").asText(), "x".repeat(101));
    ((ArrayNode) body.get("feedback")).add(second.get("feedback").get(0));

    Answer answer = client.post(PATIENT_VIEW + "/feedback", body);

    assertThat(answer.status()).as("an over-long coding is the request's fault: never a 503 that an EHR retries forever").isEqualTo(400);
    assertThat(answer.body().toString()).contains("feedback[1].overrideReason.reason.code");
    assertThat(jdbc.sql("SELECT COUNT(*) FROM feedback").query(Integer.class).single()).as("the valid first item neither").isZero();
  }

  @Test
  void overLongCodingsAndTooManyItemsAre400NamingTheField() {
    String card = UUID.randomUUID().toString();
    ObjectNode longSystem = overridden(card, "other");
    ((ObjectNode) longSystem.at("/feedback/0/overrideReason/reason")).put("system", "urn:" + "s".repeat(300));
    assertThat(client.post(PATIENT_VIEW + "/feedback", longSystem).body().toString()).contains("feedback[0].overrideReason.reason.system");
    ObjectNode longDisplay = overridden(card, "other");
    ((ObjectNode) longDisplay.at("/feedback/0/overrideReason/reason")).put("display", "d".repeat(301));
    assertThat(client.post(PATIENT_VIEW + "/feedback", longDisplay).status()).isEqualTo(400);
    ObjectNode many = JSON.createObjectNode();
    ArrayNode items = many.putArray("feedback");
    for (int i = 0; i < 101; i++) {
      items.add(overridden(UUID.randomUUID().toString(), "other").get("feedback").get(0));
    }
    Answer tooMany = client.post(PATIENT_VIEW + "/feedback", many);
    assertThat(tooMany.status()).isEqualTo(400);
    assertThat(tooMany.body().toString()).contains("at most 100");
  }

  @Test
  void feedbackAndIssuedCardsArePurgedAfterTheirRetention() {
    JsonNode card = firstCard(client.post(PATIENT_VIEW, Examples.request("solitary-lung-favourable")));
    client.post(PATIENT_VIEW + "/feedback", overridden(card.get("uuid").asText(), "other"));
    java.sql.Timestamp longAgo = java.sql.Timestamp.from(java.time.Instant.now().minus(java.time.Duration.ofDays(400)));
    jdbc.sql("UPDATE feedback SET received_at = :t").param("t", longAgo).update();
    jdbc.sql("UPDATE issued_card SET issued_at = :t").param("t", longAgo).update();

    assertThat(retention.purgeExpired()).isEqualTo(2);

    assertThat(jdbc.sql("SELECT COUNT(*) FROM feedback").query(Integer.class).single()).isZero();
    assertThat(jdbc.sql("SELECT COUNT(*) FROM issued_card").query(Integer.class).single()).isZero();
    assertThat(client.post(PATIENT_VIEW + "/feedback", overridden(card.get("uuid").asText(), "other")).status())
        .as("a card past its retention takes no more feedback").isEqualTo(400);
  }

  // --- issue 12, item 6: suppression is visible, and an operator can list and clear it ---

  @Test
  void theAuditRowSaysWhenAndWhyFeedbackQuietedTheCard() {
    ObjectNode request = Examples.request("solitary-lung-favourable");
    JsonNode card = firstCard(client.post(PATIENT_VIEW, request));
    client.post(PATIENT_VIEW + "/feedback", overridden(card.get("uuid").asText(), "already-discussed"));
    String quietCall = UUID.randomUUID().toString();

    assertThat(client.post(PATIENT_VIEW, request.put("hookInstance", quietCall)).body().get("cards")).isEmpty();

    assertThat(auditDetail(quietCall)).contains("suppressed: feedback overridden (already-discussed) on card "
        + card.get("uuid").asText(), "for 30 days");
  }

  @Test
  void theAuditRowSaysWhenADocumentedTumourBoardQuietedTheCard() {
    ObjectNode request = withTumourBoard(Examples.request("solitary-lung-favourable"));
    String quietCall = UUID.randomUUID().toString();
    assertThat(client.post(PATIENT_VIEW, request.put("hookInstance", quietCall)).body().get("cards")).isEmpty();
    assertThat(auditDetail(quietCall)).contains("suppressed: tumour board review documented within 30 days");
  }

  @Test
  void anOperatorListsAndClearsAPatientsSuppressionAndTheCardShowsAgain() {
    ObjectNode request = Examples.request("solitary-lung-favourable");
    String firstCall = UUID.randomUUID().toString();
    JsonNode card = firstCard(client.post(PATIENT_VIEW, request.put("hookInstance", firstCall)));
    client.post(PATIENT_VIEW + "/feedback", overridden(card.get("uuid").asText(), "already-discussed"));
    String patientHash = jdbc.sql("SELECT patient_hash FROM issued_card WHERE card_uuid = :c").param("c", card.get("uuid").asText())
        .query(String.class).single();

    Operator operator = new Operator(port);
    assertThat(operator.send("GET", "/actuator/suppression/" + patientHash, null, null).statusCode()).isEqualTo(401);
    assertThat(operator.send("GET", "/actuator/suppression/" + patientHash, null, "wrong-password-of-some-length").statusCode()).isEqualTo(401);
    assertThat(operator.send("DELETE", "/actuator/suppression/" + patientHash, null, null).statusCode()).isEqualTo(401);

    var listed = operator.send("GET", "/actuator/suppression/" + patientHash, null, OPERATOR_PASSWORD);
    assertThat(listed.statusCode()).isEqualTo(200);
    assertThat(listed.body()).contains("\"cardType\":\"TUMOUR_BOARD_REVIEW\"", "\"overrideCode\":\"already-discussed\"",
        card.get("uuid").asText(), "\"until\":\"2026-12-27");
    var found = operator.send("POST", "/actuator/suppression",
        "{\"patientId\":\"" + request.at("/context/patientId").asText() + "\"}", OPERATOR_PASSWORD);
    assertThat(found.body()).contains(patientHash, card.get("uuid").asText());

    var cleared = operator.send("DELETE", "/actuator/suppression/" + patientHash, null, OPERATOR_PASSWORD);
    assertThat(cleared.statusCode()).isEqualTo(200);
    assertThat(cleared.body()).contains("\"cleared\":1");

    String nextCall = UUID.randomUUID().toString();
    assertThat(client.post(PATIENT_VIEW, request.put("hookInstance", nextCall)).body().get("cards")).hasSize(1);
    assertThat(auditDetail(nextCall)).doesNotContain("suppressed");
    assertThat(operator.send("GET", "/actuator/suppression/" + patientHash, null, OPERATOR_PASSWORD).body()).contains("\"suppressions\":[]");
    assertThat(client.get("/actuator/feedback").body().toString()).as("the feedback itself stays for the report").contains("\"count\":1");
  }

  private String auditDetail(String hookInstance) {
    auditWriter.flush();
    return jdbc.sql("SELECT detail FROM audit_event WHERE hook_instance = :h").param("h", hookInstance).query(String.class).single();
  }

  private static ObjectNode withTumourBoard(ObjectNode request) {
    ObjectNode board = JSON.createObjectNode().put("resourceType", "Bundle").put("type", "searchset");
    ObjectNode sr = board.putArray("entry").addObject().putObject("resource");
    sr.put("resourceType", "ServiceRequest").put("id", "tb-1").put("status", "completed").put("intent", "order")
        .put("authoredOn", "2026-11-01");
    sr.putObject("subject").put("reference", "Patient/" + request.get("context").get("patientId").asText());
    sr.putObject("code").putArray("coding").addObject()
        .put("system", "http://metastasectomy-cds.org/fhir/CodeSystem/mrcc-cds").put("code", "tumor-board-review");
    ((ObjectNode) request.get("prefetch")).set("tumorBoard", board);
    return request;
  }

  /** The operator's HTTP client: Basic authentication with the configured account. */
  record Operator(int port) {
    java.net.http.HttpResponse<String> send(String method, String path, String json, String password) {
      var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port + path))
          .method(method, json == null ? java.net.http.HttpRequest.BodyPublishers.noBody() : java.net.http.HttpRequest.BodyPublishers.ofString(json));
      if (json != null) {
        request.header("Content-Type", "application/json");
      }
      if (password != null) {
        request.header("Authorization", "Basic " + java.util.Base64.getEncoder()
            .encodeToString(("operator:" + password).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
      }
      try {
        return java.net.http.HttpClient.newHttpClient().send(request.build(), java.net.http.HttpResponse.BodyHandlers.ofString());
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }

  private static JsonNode firstCard(Answer answer) {
    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.body().get("cards")).isNotEmpty();
    return answer.body().get("cards").get(0);
  }

  private static ObjectNode overridden(String cardUuid, String reason) {
    ObjectNode item = item(cardUuid, "overridden");
    item.putObject("overrideReason").putObject("reason")
        .put("system", "http://metastasectomy-cds.org/fhir/CodeSystem/override-reason").put("code", reason);
    return wrap(item);
  }

  private static ObjectNode item(String cardUuid, String outcome) {
    return JSON.createObjectNode().put("card", cardUuid).put("outcome", outcome)
        .put("outcomeTimestamp", FixedClockConfiguration.NOW.toString());
  }

  private static ObjectNode wrap(ObjectNode item) {
    ObjectNode body = JSON.createObjectNode();
    ArrayNode list = body.putArray("feedback");
    list.add(item);
    return body;
  }
}
