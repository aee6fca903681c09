package org.metastasectomy.cds.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.metastasectomy.cds.intake.FhirServerPolicy;

/** The allow-list rules of issue 5, one by one, including the URL tricks an attacker would try. */
class FhirServerPolicyTest {
  static final List<String> ALLOWED = List.of("https://ehr.example.org/fhir/R4", "http://localhost:8089/fhir");
  final FhirServerPolicy dev = new FhirServerPolicy(ALLOWED, false);
  final FhirServerPolicy prod = new FhirServerPolicy(ALLOWED, true);

  @Test
  void allowsListedBasesAndPathsBelowThem() {
    assertThat(dev.allows("https://ehr.example.org/fhir/R4")).isTrue();
    assertThat(dev.allows("https://EHR.example.org/fhir/R4/")).isTrue();
    assertThat(dev.allows("https://ehr.example.org/fhir/R4/tenant-a")).isTrue();
    assertThat(prod.allows("https://ehr.example.org/fhir/R4")).isTrue();
  }

  @Test
  void httpOnLoopbackOnlyOutsideProd() {
    assertThat(dev.allows("http://localhost:8089/fhir")).isTrue();
    assertThat(prod.allows("http://localhost:8089/fhir")).isFalse();
    FhirServerPolicy listsHttpRemote = new FhirServerPolicy(List.of("http://ehr.example.org/fhir"), false);
    assertThat(listsHttpRemote.allows("http://ehr.example.org/fhir")).isFalse();
  }

  @Test
  void refusesEverythingElse() {
    for (String url : new String[] {
        null, "", "not a url", "ehr.example.org/fhir/R4", "ftp://ehr.example.org/fhir/R4",
        "https://ehr.example.org/fhir", "https://ehr.example.org/fhir/R4-evil", "https://ehr.example.org.evil.com/fhir/R4",
        "https://ehr.example.org:8443/fhir/R4", "https://user@ehr.example.org/fhir/R4",
        "https://ehr.example.org/fhir/R4/../../admin", "https://ehr.example.org/fhir/R4/%2E%2E/admin",
        "https://ehr.example.org/fhir/R4?x=1", "https://ehr.example.org/fhir/R4#frag", "http://localhost:80890/fhir",
        "http://127.0.0.1:8089/fhir"}) {
      assertThat(dev.allows(url)).as(String.valueOf(url)).isFalse();
    }
  }

  @Test
  void pagingLinksMustStayUnderTheServerBase() {
    String base = "https://ehr.example.org/fhir/R4";
    assertThat(dev.sameServer(base, base + "/Observation?page=2")).isTrue();
    assertThat(dev.sameServer(base, base + "?_getpages=abc&_getpagesoffset=20")).isTrue();
    assertThat(dev.sameServer(base, "https://ehr.example.org/fhir/R4-other/Observation")).isFalse();
    assertThat(dev.sameServer(base, "https://ehr.example.org.evil.com/fhir/R4/Observation")).isFalse();
    assertThat(dev.sameServer(base, "https://evil.example.com/fhir/R4/Observation")).isFalse();
    assertThat(dev.sameServer(base, base + "/../../admin")).isFalse();
    assertThat(dev.sameServer("http://localhost:8089/fhir", "http://localhost:80890/fhir/Observation")).isFalse();
    assertThat(dev.sameServer("https://not-listed.example.org/fhir", "https://not-listed.example.org/fhir/x")).isFalse();
  }
}
