package org.metastasectomy.cds.cdshooks;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * A hook invocation as the EHR sent it. Context and prefetch stay JSON here; the web layer checks the context's shape
 * and the fhir layer parses the prefetched resources it needs, when it needs them.
 *
 * @param prefetch key → resource/Bundle, or a JSON null meaning "no data"; an absent key was not prefetched
 */
public record CdsRequest(
    String hook,
    String hookInstance,
    String fhirServer,
    FhirAuthorization fhirAuthorization,
    JsonNode context,
    Map<String, JsonNode> prefetch) {

  public String patientId() {
    return context.path("patientId").asText();
  }

  @Override
  public String toString() {
    return "CdsRequest[hook=" + hook + ", hookInstance=" + hookInstance + "]";
  }
}
