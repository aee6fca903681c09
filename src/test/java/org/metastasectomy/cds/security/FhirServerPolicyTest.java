package org.metastasectomy.cds.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The fhirServer allow-list: the only gate between an attacker's URL and the EHR's token. */
class FhirServerPolicyTest {
  private final FhirServerPolicy dev = new FhirServerPolicy(
      List.of("https://ehr.example.org/fhir/r4/", "http://localhost:8089/fhir", "http://10.1.2.3/fhir"), false);
  private final FhirServerPolicy prod = new FhirServerPolicy(List.of("https://ehr.example.org/fhir/r4", "http://localhost:8089/fhir"), true);

  @Test
  void allowsTheListedBaseAndPathsBelowIt() {
    assertThat(dev.allows("https://ehr.example.org/fhir/r4")).isTrue();
    assertThat(dev.allows("https://EHR.example.org/fhir/r4/")).isTrue();
    assertThat(dev.allows("https://ehr.example.org/fhir/r4/tenant-a")).isTrue();
  }

  @Test
  void refusesLookAlikeHostsAndPaths() {
    assertThat(dev.allows("https://ehr.example.org/fhir/r4-evil")).isFalse();
    assertThat(dev.allows("https://ehr.example.org.attacker.net/fhir/r4")).isFalse();
    assertThat(dev.allows("https://user@ehr.example.org/fhir/r4")).isFalse();
    assertThat(dev.allows("https://ehr.example.org/fhir")).isFalse();
    assertThat(dev.allows("https://other.example.org/fhir/r4")).isFalse();
    assertThat(dev.allows(null)).isFalse();
    assertThat(dev.allows("not a url")).isFalse();
  }

  @Test
  void plainHttpOnlyOnLoopbackAndNeverInProduction() {
    assertThat(dev.allows("http://localhost:8089/fhir")).isTrue();
    assertThat(dev.allows("http://10.1.2.3/fhir")).as("http to a non-loopback host").isFalse();
    assertThat(prod.allows("http://localhost:8089/fhir")).isFalse();
    assertThat(prod.allows("https://ehr.example.org/fhir/r4")).isTrue();
  }

  @Test
  void pagingLinksMustStayOnTheSameServer() {
    assertThat(dev.sameServer("https://ehr.example.org/fhir/r4", "https://ehr.example.org/fhir/r4?_getpages=abc")).isTrue();
    assertThat(dev.sameServer("https://ehr.example.org/fhir/r4", "https://attacker.net/fhir/r4?_getpages=abc")).isFalse();
  }
}
