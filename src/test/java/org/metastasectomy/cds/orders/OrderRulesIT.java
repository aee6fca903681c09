package org.metastasectomy.cds.orders;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.metastasectomy.cds.support.CardValidator;
import org.metastasectomy.cds.support.Examples;
import org.metastasectomy.cds.support.FixedClockConfiguration;
import org.metastasectomy.cds.support.ServiceClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

/**
 * Each order-time rule stays silent where the evidence does not apply: the firing cases are the golden examples; here
 * each is changed in the one respect that should silence it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "spring.datasource.url=jdbc:h2:mem:orders;DB_CLOSE_DELAY=-1")
@Import(FixedClockConfiguration.class)
class OrderRulesIT {
  @LocalServerPort
  int port;

  private ServiceClient client;

  @BeforeEach
  void setUp() {
    client = new ServiceClient(port);
  }

  @Test
  void pazopanibWithoutAMetastasectomyGetsNoAdjuvantWarning() {
    ObjectNode r = Examples.request("order-sign-adjuvant-pazopanib");
    removeEntries(r.at("/prefetch/procedures"), e -> e.at("/resource/id").asText().equals("ap-lobectomy"));
    assertThat(summaries(r)).noneMatch(s -> s.contains("after complete metastasectomy"));
  }

  @Test
  void pazopanibAfterAnIncompleteMetastasectomyGetsNoAdjuvantWarning() {
    ObjectNode r = Examples.request("order-sign-adjuvant-pazopanib");
    ObjectNode newMet = ((ArrayNode) r.at("/prefetch/conditions/entry")).addObject().putObject("resource");
    newMet.put("resourceType", "Condition").put("id", "ap-met-liver-new").put("onsetDateTime", "2026-10-01");
    newMet.putObject("subject").put("reference", "Patient/mrcc-post-metastasectomy");
    newMet.putObject("code").putArray("coding").addObject().put("system", "http://hl7.org/fhir/sid/icd-10-cm").put("code", "C78.7");
    assertThat(summaries(r)).noneMatch(s -> s.contains("after complete metastasectomy"));
  }

  @Test
  void aDrugOtherThanTheAdjuvantTrialAgentsIsNotWarnedAbout() {
    ObjectNode r = Examples.request("order-sign-adjuvant-pazopanib");
    ((ObjectNode) r.at("/context/draftOrders/entry/0/resource/medicationCodeableConcept")).put("text", "amlodipine 5 mg");
    assertThat(summaries(r)).isEmpty();
  }

  @Test
  void sorafenibByRxNormCodeIsWarnedAboutLikePazopanib() {
    ObjectNode r = Examples.request("order-sign-adjuvant-pazopanib");
    ObjectNode med = (ObjectNode) r.at("/context/draftOrders/entry/0/resource/medicationCodeableConcept");
    med.remove("text");
    med.putArray("coding").addObject().put("system", "http://www.nlm.nih.gov/research/umls/rxnorm").put("code", "495881");
    assertThat(summaries(r)).anyMatch(s -> s.contains("after complete metastasectomy"));
  }

  @Test
  void chestRadiographForAT1TumourIsNotQuestioned() {
    ObjectNode r = Examples.request("order-select-chest-xray");
    setTnmValue(r, "cx-pt", "pT1a");
    assertThat(summaries(r)).isEmpty();
  }

  @Test
  void chestRadiographRecognisedByOrderTextAlone() {
    ObjectNode r = Examples.request("order-select-chest-xray");
    ObjectNode code = (ObjectNode) r.at("/context/draftOrders/entry/0/resource/code");
    code.remove("coding");
    code.put("text", "Chest X-ray PA and lateral");
    assertThat(summaries(r)).anyMatch(s -> s.contains("CT of the chest"));
  }

  @Test
  void ordersNotSelectedInOrderSelectAreNotJudged() {
    ObjectNode r = Examples.request("order-select-chest-xray");
    ((ArrayNode) r.at("/context/selections")).removeAll().add("ServiceRequest/some-other-order");
    assertThat(summaries(r)).isEmpty();
  }

  @Test
  void nephrectomyForMetachronousDiseaseGetsNoCytoreductionCard() {
    ObjectNode r = Examples.request("order-select-cytoreductive-nephrectomy");
    for (JsonNode e : r.at("/prefetch/conditions/entry")) {
      ObjectNode c = (ObjectNode) e.get("resource");
      if (c.get("id").asText().startsWith("cn-met")) {
        c.put("onsetDateTime", "2026-11-20");
      } else {
        c.put("onsetDateTime", "2024-01-10");
      }
    }
    assertThat(summaries(r)).noneMatch(s -> s.contains("cytoreductive"));
  }

  @Test
  void systemicTherapyAfterADocumentedTumourBoardGetsNoReviewCard() {
    ObjectNode r = Examples.request("order-select-tki-favourable");
    ObjectNode board = ((ObjectNode) r.get("prefetch")).putObject("tumorBoard").put("resourceType", "Bundle").put("type", "searchset");
    ObjectNode sr = board.putArray("entry").addObject().putObject("resource");
    sr.put("resourceType", "ServiceRequest").put("id", "tb").put("status", "completed").put("intent", "order").put("authoredOn", "2026-10-01");
    sr.putObject("code").putArray("coding").addObject()
        .put("system", "http://metastasectomy-cds.org/fhir/CodeSystem/mrcc-cds").put("code", "tumor-board-review");
    assertThat(summaries(r)).isEmpty();
  }

  @Test
  void systemicTherapyForAnUnfavourableProfileGetsNoReviewCard() {
    ObjectNode r = Examples.request("order-select-tki-favourable");
    ObjectNode unfavourable = Examples.request("multi-organ-unfavourable");
    r.set("prefetch", unfavourable.get("prefetch"));
    ((ObjectNode) r.get("context")).put("patientId", unfavourable.at("/context/patientId").asText());
    assertThat(summaries(r)).isEmpty();
  }

  @Test
  void aPatientWithoutRccGetsNoOrderCardsWhateverIsOrdered() {
    ObjectNode r = Examples.request("no-rcc");
    ObjectNode draft = (ObjectNode) Examples.request("order-sign-adjuvant-pazopanib").at("/context/draftOrders");
    ((ObjectNode) r.get("context")).set("draftOrders", draft);
    ((ArrayNode) r.at("/context/selections")).removeAll().add("MedicationRequest/draft-pazopanib");
    assertThat(summaries(r)).isEmpty();
  }

  private java.util.List<String> summaries(ObjectNode request) {
    ServiceClient.Answer answer = client.post("/cds-services/" + Examples.serviceFor(request), request);
    assertThat(answer.status()).as(answer.body().toString()).isEqualTo(200);
    CardValidator.assertValid(answer.body());
    java.util.List<String> out = new java.util.ArrayList<>();
    answer.body().get("cards").forEach(c -> out.add(c.get("summary").asText()));
    return out;
  }

  private static void removeEntries(JsonNode bundle, Predicate<JsonNode> which) {
    ArrayNode entries = (ArrayNode) bundle.get("entry");
    for (int i = entries.size() - 1; i >= 0; i--) {
      if (which.test(entries.get(i))) {
        entries.remove(i);
      }
    }
  }

  private static void setTnmValue(ObjectNode request, String observationId, String value) {
    for (JsonNode e : request.at("/prefetch/observations/entry")) {
      if (e.at("/resource/id").asText().equals(observationId)) {
        ObjectNode cc = ((ObjectNode) e.get("resource")).putObject("valueCodeableConcept");
        cc.put("text", value);
      }
    }
  }
}
