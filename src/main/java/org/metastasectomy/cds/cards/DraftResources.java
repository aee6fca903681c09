package org.metastasectomy.cds.cards;

import ca.uhn.fhir.context.FhirContext;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.ServiceRequest;

/** The FHIR resources our suggestions create, serialised by HAPI for the card's action. */
public final class DraftResources {
  private final FhirContext fhir;
  private final ObjectMapper json;
  private final ChestCtOrder chestCt;

  /** The code of the CT chest order that replaces a chest radiograph (verified codes, fhir-profiles README). */
  public record ChestCtOrder(String system, String code, String display) {}

  public DraftResources(FhirContext fhir, ObjectMapper json, ChestCtOrder chestCt) {
    this.fhir = fhir;
    this.json = json;
    this.chestCt = chestCt;
  }

  JsonNode tumourBoardReferral(String patientId, String reason) {
    ServiceRequest sr = new ServiceRequest();
    sr.setStatus(ServiceRequest.ServiceRequestStatus.DRAFT);
    sr.setIntent(ServiceRequest.ServiceRequestIntent.PROPOSAL);
    sr.setCode(new CodeableConcept(new Coding(CardCodes.SERVICE_CODES, CardCodes.TUMOR_BOARD, CardCodes.TUMOR_BOARD_DISPLAY))
        .setText("Refer to multidisciplinary tumour board"));
    sr.setSubject(new Reference("Patient/" + patientId));
    sr.addReasonCode().setText(reason);
    return toJson(sr);
  }

  JsonNode chestCt(String patientId) {
    ServiceRequest sr = new ServiceRequest();
    sr.setStatus(ServiceRequest.ServiceRequestStatus.DRAFT);
    sr.setIntent(ServiceRequest.ServiceRequestIntent.ORDER);
    CodeableConcept code = new CodeableConcept().setText("CT chest");
    if (chestCt != null && chestCt.code() != null) {
      code.addCoding(new Coding(chestCt.system(), chestCt.code(), chestCt.display()));
    }
    sr.setCode(code);
    sr.setSubject(new Reference("Patient/" + patientId));
    sr.addReasonCode().setText("Staging of renal cell carcinoma, stage T2 or more");
    return toJson(sr);
  }

  private JsonNode toJson(ServiceRequest sr) {
    try {
      return json.readTree(fhir.newJsonParser().encodeResourceToString(sr));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("HAPI produced unreadable JSON", e);
    }
  }
}
