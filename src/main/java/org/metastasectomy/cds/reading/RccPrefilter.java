package org.metastasectomy.cds.reading;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A cheap, conservative first look at prefetched Conditions as JSON: false only when no Condition carries any code or
 * extension that could make it a primary RCC. Most patients an order-select hook fires for have no kidney cancer; for
 * them the service answers without parsing any FHIR. A true answer is then checked properly by {@link ConditionReader}.
 */
final class RccPrefilter {
  private RccPrefilter() {}

  static boolean mayHaveRcc(JsonNode conditions) {
    if (conditions == null || conditions.isNull()) {
      return false;
    }
    if ("Condition".equals(conditions.path("resourceType").asText())) {
      return mayBeRcc(conditions);
    }
    for (JsonNode entry : conditions.path("entry")) {
      if (mayBeRcc(entry.path("resource"))) {
        return true;
      }
    }
    // Not a Bundle or Condition: let the real parser say what is wrong with it.
    return !"Bundle".equals(conditions.path("resourceType").asText());
  }

  private static boolean mayBeRcc(JsonNode condition) {
    for (JsonNode coding : condition.path("code").path("coding")) {
      String code = coding.path("code").asText("");
      if (code.startsWith("C64") || Codes.RCC_SNOMED.contains(code)) {
        return true;
      }
    }
    for (JsonNode extension : condition.path("extension")) {
      if (Codes.MCODE_HISTOLOGY_EXTENSION.equals(extension.path("url").asText())) {
        for (JsonNode coding : extension.path("valueCodeableConcept").path("coding")) {
          if (Codes.RCC_MORPHOLOGY.contains(coding.path("code").asText(""))) {
            return true;
          }
        }
      }
    }
    return false;
  }
}
