package org.metastasectomy.cds.intake;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Logs name a FHIR server by scheme, host and port only: never its path, query or user info. */
class ServerOriginTest {
  @Test
  void onlySchemeHostAndPortAreKept() {
    assertThat(ServerOrigin.of("https://EHR.example.org/fhir/r4/tenant-7?patient=123")).isEqualTo("https://ehr.example.org:443");
    assertThat(ServerOrigin.of("http://user:secret@ehr.example.org:8080/fhir")).isEqualTo("http://ehr.example.org:8080");
    assertThat(ServerOrigin.of("http://[::1]:8089/fhir")).isEqualTo("http://[::1]:8089");
  }

  @Test
  void whatIsNotAnAbsoluteUrlIsNotEchoed() {
    assertThat(ServerOrigin.of(null)).isEqualTo("(none)");
    assertThat(ServerOrigin.of("fhir/tenant-7")).isEqualTo("(not an absolute URL)");
    assertThat(ServerOrigin.of("https://ehr example/\nFORGED")).isEqualTo("(not a URL)");
  }
}
