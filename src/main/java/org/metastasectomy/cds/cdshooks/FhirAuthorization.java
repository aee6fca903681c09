package org.metastasectomy.cds.cdshooks;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The EHR's access token for its FHIR server. Transient: never stored, never logged ({@link #toString()} redacts it).
 */
public record FhirAuthorization(
    @JsonProperty("access_token") String accessToken,
    @JsonProperty("token_type") String tokenType,
    @JsonProperty("expires_in") Long expiresIn,
    String scope,
    String subject,
    String patient) {

  @Override
  public String toString() {
    return "FhirAuthorization[token_type=" + tokenType + ", access_token=<redacted>]";
  }
}
