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
    properties = "spring.datasource.url=jdbc:h2:mem:feedback;DB_CLOSE_DELAY=-1")
@Import(FixedClockConfiguration.class)
class FeedbackAndSuppressionIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String PATIENT_VIEW = "/cds-services/metastasectomy-patient-view";

  @LocalServerPort
  int port;

  @Autowired
  JdbcClient jdbc;

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
    ObjectNode request = Examples.request("solitary-lung-favourable");
    ObjectNode board = JSON.createObjectNode().put("resourceType", "Bundle").put("type", "searchset");
    ObjectNode sr = board.putArray("entry").addObject().putObject("resource");
    sr.put("resourceType", "ServiceRequest").put("id", "tb-1").put("status", "completed").put("intent", "order")
        .put("authoredOn", "2026-11-01");
    sr.putObject("subject").put("reference", "Patient/" + request.get("context").get("patientId").asText());
    sr.putObject("code").putArray("coding").addObject()
        .put("system", "http://metastasectomy-cds.org/fhir/CodeSystem/mrcc-cds").put("code", "tumor-board-review");
    ((ObjectNode) request.get("prefetch")).set("tumorBoard", board);
    assertThat(client.post(PATIENT_VIEW, request).body().get("cards")).isEmpty();
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
