package org.metastasectomy.cds.cards;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.ValidationResult;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.junit.jupiter.api.Test;
import org.metastasectomy.cds.reading.ExampleBundles;

/**
 * The suggestion resources are built without HAPI; HAPI must read them as valid FHIR R4 — against base R4 and, for the
 * referral, our mrcc-tumor-board-referral profile — and they must equal what HAPI itself writes for the same content.
 */
class DraftResourcesTest {
  private static final FhirContext FHIR = FhirContext.forR4Cached();
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final DraftResources.ChestCtOrder CT = new DraftResources.ChestCtOrder("http://loinc.org", "24627-2", "Chest CT");
  private static final String REFERRAL_PROFILE = "http://metastasectomy-cds.org/fhir/StructureDefinition/mrcc-tumor-board-referral";
  /** Order displays come from the EHR: quotes, backslashes, markup, non-Latin text, line breaks, spaces at the ends. */
  private static final List<String> REASONS = List.of("Review of metastasectomy: profile favourable",
      "Review before pazopanib 800 mg \"daily\" \\ <b>*now*</b>", "Review before Sunitinib 50 mg — 4/2 schedule",
      "Review before 舒尼替尼", "Review before line one\nline two\ttabbed", "Review before  spaced ");

  @Test
  void aReferralIsWhatHapiWritesAndValidatesAgainstOurProfile() throws Exception {
    DraftResources drafts = new DraftResources(CT);
    for (String reason : REASONS) {
      JsonNode ours = drafts.tumourBoardReferral("mrcc-1.a", reason);
      ServiceRequest hapi = new ServiceRequest();
      hapi.setStatus(ServiceRequest.ServiceRequestStatus.DRAFT);
      hapi.setIntent(ServiceRequest.ServiceRequestIntent.PROPOSAL);
      hapi.setCode(new CodeableConcept(new Coding(CardCodes.SERVICE_CODES, CardCodes.TUMOUR_BOARD_CODE, CardCodes.TUMOUR_BOARD_DISPLAY))
          .setText("Refer to multidisciplinary tumour board"));
      hapi.setSubject(new Reference("Patient/mrcc-1.a"));
      hapi.addReasonCode().setText(reason);
      assertThat(text(ours)).as(reason).isEqualTo(text(JSON.readTree(FHIR.newJsonParser().encodeResourceToString(hapi))));
      assertThat(errors(ours, List.of(REFERRAL_PROFILE))).as(reason).isEmpty();
    }
  }

  @Test
  void aChestCtOrderIsWhatHapiWritesWithOrWithoutAConfiguredCode() throws Exception {
    for (DraftResources.ChestCtOrder configured : new DraftResources.ChestCtOrder[] {CT, null,
        new DraftResources.ChestCtOrder("http://loinc.org", "24627-2", null)}) {
      JsonNode ours = new DraftResources(configured).chestCt("p1");
      ServiceRequest hapi = new ServiceRequest();
      hapi.setStatus(ServiceRequest.ServiceRequestStatus.DRAFT);
      hapi.setIntent(ServiceRequest.ServiceRequestIntent.ORDER);
      CodeableConcept code = new CodeableConcept().setText("CT chest");
      if (configured != null) {
        code.addCoding(new Coding(configured.system(), configured.code(), configured.display()));
      }
      hapi.setCode(code);
      hapi.setSubject(new Reference("Patient/p1"));
      hapi.addReasonCode().setText("Staging of renal cell carcinoma, stage T2 or more");
      assertThat(text(ours)).as(String.valueOf(configured))
          .isEqualTo(text(JSON.readTree(FHIR.newJsonParser().encodeResourceToString(hapi))));
      assertThat(errors(ours, List.of())).as(String.valueOf(configured)).isEmpty();
    }
  }

  /** As the response writes it: the same elements in the same order. */
  private static String text(JsonNode node) throws Exception {
    return JSON.writeValueAsString(node);
  }

  private static List<String> errors(JsonNode resource, List<String> profiles) {
    ServiceRequest parsed = FHIR.newJsonParser().parseResource(ServiceRequest.class, resource.toString());
    assertThat(parsed.getSubject().getReference()).startsWith("Patient/");
    ValidationResult result = ExampleBundles.contract().validate(resource.toString(), profiles);
    return result.getMessages().stream()
        .filter(m -> m.getSeverity() == ResultSeverityEnum.ERROR || m.getSeverity() == ResultSeverityEnum.FATAL)
        .map(m -> m.getLocationString() + ": " + m.getMessage()).toList();
  }
}
