package org.metastasectomy.cds.cards;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The FHIR R4 resources our suggestions create (draft ServiceRequests), written as JSON directly: cards never need
 * HAPI. DraftResourcesTest parses every one with HAPI, validates it against base R4 and our referral profile, and
 * checks that it equals what HAPI itself would write.
 */
public final class DraftResources {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private final ChestCtOrder chestCt;

  /** The code of the CT chest order that replaces a chest radiograph (verified codes, fhir-profiles README). */
  public record ChestCtOrder(String system, String code, String display) {}

  public DraftResources(ChestCtOrder chestCt) {
    this.chestCt = chestCt;
  }

  /** A proposed referral to the tumour board, coded with our CodeSystem (profile mrcc-tumor-board-referral). */
  JsonNode tumourBoardReferral(String patientId, String reason) {
    ObjectNode code = JSON.objectNode();
    coding(code, CardCodes.SERVICE_CODES, CardCodes.TUMOUR_BOARD_CODE, CardCodes.TUMOUR_BOARD_DISPLAY);
    code.put("text", "Refer to multidisciplinary tumour board");
    return serviceRequest("proposal", code, patientId, reason);
  }

  /** A CT of the chest ordered in place of a chest radiograph, for staging. */
  JsonNode chestCt(String patientId) {
    ObjectNode code = JSON.objectNode();
    if (chestCt != null && chestCt.code() != null) {
      coding(code, chestCt.system(), chestCt.code(), chestCt.display());
    }
    code.put("text", "CT chest");
    return serviceRequest("order", code, patientId, "Staging of renal cell carcinoma, stage T2 or more");
  }

  /** Elements in the order FHIR's JSON format lists them; absent values are left out, as FHIR requires. */
  private static ObjectNode serviceRequest(String intent, ObjectNode code, String patientId, String reason) {
    ObjectNode sr = JSON.objectNode();
    sr.put("resourceType", "ServiceRequest");
    sr.put("status", "draft");
    sr.put("intent", intent);
    sr.set("code", code);
    sr.putObject("subject").put("reference", "Patient/" + patientId);
    sr.putArray("reasonCode").addObject().put("text", reason);
    return sr;
  }

  private static void coding(ObjectNode concept, String system, String code, String display) {
    ObjectNode coding = concept.putArray("coding").addObject();
    putIfPresent(coding, "system", system);
    putIfPresent(coding, "code", code);
    putIfPresent(coding, "display", display);
  }

  private static void putIfPresent(ObjectNode node, String field, String value) {
    if (value != null && !value.isEmpty()) {
      node.put(field, value);
    }
  }
}
