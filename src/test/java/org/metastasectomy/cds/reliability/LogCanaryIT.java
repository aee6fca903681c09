package org.metastasectomy.cds.reliability;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Logs never hold tokens or patient data: canary values are planted in the access token, the patient id, demographics,
 * a lab value, a clinical note, an invalid date and an unknown element, in prefetch and in the EHR's answers (also in
 * an error body), and in feedback; after a full cycle of answered, failed and rejected requests the captured log
 * holds none of them.
 */
@ExtendWith(OutputCaptureExtension.class)
class LogCanaryIT extends RunningService {
  static final FhirServerStub EHR = new FhirServerStub();
  static final String TOKEN = "CANARYTOKEN5b2e8c";
  static final String PATIENT = "canarypatient9f3k";
  static final List<String> CANARIES = List.of(TOKEN, PATIENT, "Canaryfamilyqx", "CANARYMRN77", "14.4713", "CANARYNOTE",
      "CANARYBIRTH", "CANARYUNKNOWN", "CANARYERRORBODY", "CANARYCOMMENT", "CANARYUSER", "CANARYTYPE");

  @DynamicPropertySource
  static void ehr(DynamicPropertyRegistry registry) {
    registry.add("cds.fhir.allowed-servers", EHR::allowedBase);
  }

  @AfterAll
  static void stop() {
    EHR.stop();
  }

  /** The example data with every canary planted in it. */
  static String plant(String json) {
    return json.replace(Examples.PATIENT_ID, PATIENT)
        .replace("Lindqvist", "Canaryfamilyqx")
        .replace("MRN-MRCC-SOLITARY-LUNG", "CANARYMRN77")
        .replace("\"value\": 14.4,", "\"value\": 14.4713,")
        .replace("\"resourceType\": \"Condition\",", "\"resourceType\": \"Condition\", \"note\": [{\"text\": \"CANARYNOTE\"}],")
        .replace("\"resourceType\": \"Patient\",", "\"resourceType\": \"Patient\", \"canaryElement\": \"CANARYUNKNOWN\",");
  }

  /** The planted data with an invalid birth date too: HAPI rejects the Patient, quoting the value in its message. */
  static String plantInvalidDate(String json) {
    return plant(json).replace("\"birthDate\": \"1968-03-14\"", "\"birthDate\": \"CANARYBIRTH\"");
  }

  @Test
  void noCanaryReachesTheLog(CapturedOutput output) throws IOException {
    String ehr = EHR.base("canary");
    EHR.serveEdited(ehr, PATIENT, LogCanaryIT::plant);
    String broken = EHR.base("canary-broken");
    EHR.serveEdited(broken, PATIENT, LogCanaryIT::plant);
    EHR.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(
        com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo("/fhir/canary-broken/Observation"))
        .willReturn(aResponse().withStatus(500).withBody("CANARYERRORBODY " + PATIENT)));

    String invalid = EHR.base("canary-invalid");
    EHR.serveEdited(invalid, PATIENT, LogCanaryIT::plantInvalidDate);

    ObjectNode fetched = withPatient(Examples.missingPrefetchRequest(ehr, TOKEN));
    assertThat(http.hook(Examples.PATIENT_VIEW, fetched).status()).isEqualTo(200);

    ObjectNode partly = withPatient(Examples.missingPrefetchRequest(broken, TOKEN));
    Http.Reply partial = http.hook(Examples.PATIENT_VIEW, partly);
    assertThat(partial.status()).isEqualTo(200);
    assertThat(partial.body()).contains("Could not be fetched");

    assertThat(http.hook(Examples.PATIENT_VIEW, withPatient(Examples.missingPrefetchRequest(invalid, TOKEN))).status())
        .isEqualTo(412);

    String favourable = Files.readString(Examples.ROOT.resolve(Examples.FAVOURABLE).resolve("request.json"));
    Http.Reply invalidPrefetch = http.hook(Examples.PATIENT_VIEW, Examples.parse(plantInvalidDate(favourable)));
    assertThat(invalidPrefetch.status()).isEqualTo(400);
    assertThat(invalidPrefetch.body()).as("the caller is told, the log is not").contains("CANARYBIRTH");

    ObjectNode prefetched = (ObjectNode) Examples.parse(plant(favourable));
    prefetched.put("fhirServer", ehr);
    prefetched.putObject("fhirAuthorization").put("access_token", TOKEN).put("token_type", "Bearer")
        .put("expires_in", 300).put("scope", "patient/*.read").put("subject", "cds");
    Http.Reply answered = http.hook(Examples.PATIENT_VIEW, prefetched);
    assertThat(answered.status()).isEqualTo(200);

    ObjectNode badUser = prefetched.deepCopy();
    ((ObjectNode) badUser.get("context")).put("userId", "CANARYUSER " + PATIENT);
    assertThat(http.hook(Examples.PATIENT_VIEW, badUser).status()).isEqualTo(400);

    ObjectNode badPrefetch = prefetched.deepCopy();
    ((ObjectNode) badPrefetch.get("prefetch")).putObject("observations").put("resourceType", "CANARYTYPE");
    assertThat(http.hook(Examples.PATIENT_VIEW, badPrefetch).status()).isEqualTo(400);

    ObjectNode elsewhere = withPatient(Examples.missingPrefetchRequest("https://not-allowed.example.org/fhir", TOKEN));
    assertThat(http.hook(Examples.PATIENT_VIEW, elsewhere).status()).isEqualTo(412);

    ObjectNode feedback = FeedbackConcurrencyContract.feedback(answered.json().path("cards").path(0).path("uuid").asText(),
        "2026-11-27T10:00:00Z");
    ((ObjectNode) feedback.get("feedback").get(0).get("overrideReason")).put("userComment", "CANARYCOMMENT " + PATIENT);
    assertThat(http.post("/cds-services/" + Examples.PATIENT_VIEW + "/feedback", feedback).status()).isEqualTo(200);

    assertThat(EHR.requests(ehr)).allSatisfy(r -> assertThat(r.getHeader("Authorization")).isEqualTo("Bearer " + TOKEN));
    assertThat(output.getAll()).as("the capture works").contains("answering without prefetch keys [observations]");
    for (String canary : CANARIES) {
      assertThat(output.getAll()).as("log holds " + canary).doesNotContain(canary);
    }
  }

  private static ObjectNode withPatient(ObjectNode request) {
    ((ObjectNode) request.get("context")).put("patientId", PATIENT);
    return request;
  }
}
