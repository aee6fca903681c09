package org.metastasectomy.cds.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.metastasectomy.cds.intake.FhirEndpoint;
import org.metastasectomy.cds.intake.FhirServerPolicy;

/**
 * The allow-list rules of issue 5, one by one, including the URL tricks an attacker would try; and of issue 14: URLs
 * compared canonically, aliases of one server, and fhirServer values that are not base URLs.
 */
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

  @Test
  void spellingsOfTheSameBaseAreTheSameServer() {
    for (String spelling : new String[] {
        "HTTPS://EHR.example.org:443/fhir/R4", "https://ehr.example.org/fhir/./R4/", "https://ehr.example.org/fhir/%52%34",
        "https://ehr.example.org/fhir/x/../R4", "https://ehr.example.org./fhir/R4"}) {
      assertThat(dev.allows(spelling)).as(spelling).isTrue();
      assertThat(dev.endpoint(spelling).orElseThrow().breakerKey()).as(spelling).isEqualTo("https://ehr.example.org/fhir/R4");
    }
    assertThat(dev.allows("http://LocalHost:8089/fhir/")).isTrue();
    assertThat(dev.allows("https://ehr.example.org/fhir/r4")).as("paths are case-sensitive").isFalse();
  }

  @Test
  void aServerAnswersUnderItsAliasesAndPagingLinksMoveOntoTheRequestsBase() {
    FhirServerPolicy policy = new FhirServerPolicy(
        List.of("http://localhost:18090/fhir http://127.0.0.1:18090/fhir", "https://other.example.org/fhir"), false);

    FhirEndpoint viaAlias = policy.endpoint("http://127.0.0.1:18090/fhir").orElseThrow();

    assertThat(viaAlias.breakerKey()).isEqualTo(policy.endpoint("http://localhost:18090/fhir/").orElseThrow().breakerKey());
    assertThat(viaAlias.server()).isEqualTo("http://localhost:18090/fhir");
    assertThat(viaAlias.follow("http://localhost:18090/fhir/?_getpages=abc&_getpagesoffset=20"))
        .contains("http://127.0.0.1:18090/fhir?_getpages=abc&_getpagesoffset=20");
    assertThat(viaAlias.follow("http://LOCALHOST:18090/fhir/Observation?page=2"))
        .contains("http://127.0.0.1:18090/fhir/Observation?page=2");
    assertThat(viaAlias.follow("https://other.example.org/fhir?_getpages=abc")).as("another server").isEmpty();
    assertThat(viaAlias.follow("http://localhost:18091/fhir?_getpages=abc")).as("another port").isEmpty();
    assertThat(viaAlias.follow("http://localhost:18090/fhir-other?_getpages=abc")).as("a sibling path").isEmpty();
    assertThat(viaAlias.follow("http://localhost:18090/fhir/../admin")).as("climbing out").isEmpty();
  }

  @Test
  void aPathBelowAServerKeepsItsOwnBreakerButSharesTheServersBulkhead() {
    FhirEndpoint tenant = dev.endpoint("https://ehr.example.org/fhir/R4/tenant-a").orElseThrow();

    assertThat(tenant.server()).isEqualTo("https://ehr.example.org/fhir/R4");
    assertThat(tenant.breakerKey()).isEqualTo("https://ehr.example.org/fhir/R4/tenant-a");
    assertThat(tenant.follow("https://ehr.example.org/fhir/R4/tenant-a?_getpages=1")).isPresent();
    assertThat(tenant.follow("https://ehr.example.org/fhir/R4/tenant-b?_getpages=1")).isEmpty();
  }

  @Test
  void aFhirServerThatIsNotABaseUrlIsNamedAsSuch() {
    for (String notABase : new String[] {
        "https://ehr.example.org/fhir/Patient", "https://ehr.example.org/fhir/Patient/123", "https://ehr.example.org/fhir?x=1",
        "https://ehr.example.org/fhir#top", "https://ehr.example.org/fhir/metadata", "https://ehr.example.org/fhir/$everything",
        "https://ehr.example.org/fhir/Observation/_search", "ehr.example.org/fhir", "ftp://ehr.example.org/fhir", "not a url"}) {
      assertThat(FhirServerPolicy.notABaseUrl(notABase)).as(notABase).hasValueSatisfying(why -> assertThat(why)
          .contains("base URL").contains("https://ehr.example.org/fhir"));
    }
    for (String base : new String[] {"https://ehr.example.org/fhir", "https://ehr.example.org/fhir/R4/",
        "https://ehr.example.org/fhir/tenant-a", "http://localhost:8089/fhir", "https://ehr.example.org"}) {
      assertThat(FhirServerPolicy.notABaseUrl(base)).as(base).isEmpty();
    }
  }

  @Test
  void anAllowListEntryThatIsNotABaseUrlStopsTheStart() {
    assertThatThrownBy(() -> new FhirServerPolicy(List.of("https://ehr.example.org/fhir https://ehr?x=1"), false))
        .hasMessageContaining("cds.fhir.allowed-servers[0]").hasMessageContaining("https://ehr?x=1");
  }
}
