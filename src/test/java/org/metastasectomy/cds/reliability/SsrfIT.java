package org.metastasectomy.cds.reliability;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Never a proxy for an attacker: a fhirServer off the allow-list, a redirect or a paging link to another server, an
 * http URL of a non-loopback host, or a URL that climbs out of an allowed path gets no request, hence no token.
 * ATTACKER stands for any other server; it must see no request at all.
 */
class SsrfIT extends RunningService {
  static final FhirServerStub EHR = new FhirServerStub();
  static final FhirServerStub ATTACKER = new FhirServerStub();
  /** On the allow-list, but http on a host that is not loopback: refused anyway. */
  static final String HTTP_REMOTE = "http://ehr.example.invalid/fhir";
  static final String TOKEN = "token-that-must-go-nowhere-else";

  @DynamicPropertySource
  static void ehr(DynamicPropertyRegistry registry) {
    registry.add("cds.fhir.allowed-servers", () -> EHR.allowedBase() + "," + HTTP_REMOTE);
  }

  @BeforeEach
  void forgetEarlierRequests() {
    EHR.reset();
    ATTACKER.reset();
  }

  @AfterAll
  static void stop() {
    EHR.stop();
    ATTACKER.stop();
  }

  @Test
  void aServerOffTheAllowListGetsNoRequestAndTheAnswerIs412() {
    String other = ATTACKER.base("ehr");
    ATTACKER.serveExample(other);

    Http.Reply reply = http.hook(Examples.PATIENT_VIEW, Examples.missingPrefetchRequest(other, TOKEN));

    assertThat(reply.status()).isEqualTo(412);
    assertThat(reply.json().path("issue").path(0).path("diagnostics").asText()).contains("not allowed");
    assertThat(ATTACKER.totalRequests()).isZero();
    assertThat(EHR.totalRequests()).isZero();
  }

  @Test
  void aServerOffTheAllowListIsNotNeededWhenEverythingIsPrefetched() {
    ObjectNode request = Examples.request(Examples.FAVOURABLE);
    request.put("fhirServer", ATTACKER.base("ehr"));
    request.putObject("fhirAuthorization").put("access_token", TOKEN).put("token_type", "Bearer")
        .put("expires_in", 300).put("scope", "patient/*.read").put("subject", "cds");

    Http.Reply reply = http.hook(Examples.PATIENT_VIEW, request);

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.json().path("cards")).hasSize(1);
    assertThat(ATTACKER.totalRequests()).isZero();
  }

  @ParameterizedTest(name = "HTTP {0}")
  @ValueSource(ints = {301, 302, 303, 307, 308})
  void aRedirectToAnotherServerIsNotFollowed(int status) {
    String base = EHR.base("redirect-" + status);
    EHR.serveExample(base);
    String elsewhere = ATTACKER.base("stolen") + "/Condition?patient=" + Examples.PATIENT_ID;
    EHR.stubSearch(base, "Condition", aResponse().withStatus(status).withHeader("Location", elsewhere));

    Http.Reply reply = http.hook(Examples.PATIENT_VIEW, Examples.missingPrefetchRequest(base, TOKEN));

    assertThat(reply.status()).isEqualTo(412);
    assertThat(reply.json().path("issue").path(0).path("expression").toString()).contains("prefetch.conditions");
    assertThat(EHR.requestsForType(base, "Condition")).hasSize(1);
    assertThat(ATTACKER.totalRequests()).isZero();
  }

  @Test
  void aPagingLinkToAnotherServerIsNotFollowed() {
    String base = EHR.base("paging-away");
    EHR.serveExample(base);
    pageWithNextLink(base, "Observation", ATTACKER.base("stolen") + "/Observation?page=2");

    Http.Reply reply = http.hook(Examples.PATIENT_VIEW, Examples.missingPrefetchRequest(base, TOKEN));

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.body()).contains("Could not be fetched from the EHR's FHIR server: performance status and laboratory results");
    assertThat(ATTACKER.totalRequests()).isZero();
  }

  @Test
  void aPagingLinkToASiblingPathOrPortOfTheSameHostIsNotFollowed() {
    String base = EHR.base("tenant");
    EHR.serveExample(base);
    pageWithNextLink(base, "Observation", base + "-other/Observation?page=2");

    Http.Reply reply = http.hook(Examples.PATIENT_VIEW, Examples.missingPrefetchRequest(base, TOKEN));

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.body()).contains("Could not be fetched from the EHR");
    assertThat(EHR.requests(base + "-other")).isEmpty();
  }

  @Test
  void httpToAHostThatIsNotLoopbackIsRefusedEvenWhenListed() {
    Http.Reply reply = http.hook(Examples.PATIENT_VIEW, Examples.missingPrefetchRequest(HTTP_REMOTE, TOKEN));

    assertThat(reply.status()).isEqualTo(412);
    assertThat(reply.json().path("issue").path(0).path("diagnostics").asText()).contains("not allowed");
  }

  @Test
  void urlsThatLeaveTheAllowedBaseAreRefused() {
    String base = EHR.base("tricks");
    EHR.serveExample(base);
    String attackerHostPort = ATTACKER.allowedBase().substring("http://".length(), ATTACKER.allowedBase().indexOf("/fhir"));
    String allowedHostPort = EHR.allowedBase().substring("http://".length(), EHR.allowedBase().indexOf("/fhir"));
    for (String tricky : new String[] {
        base + "/../../admin",
        base + "/%2e%2e/%2e%2e/admin",
        "http://" + allowedHostPort + "@" + attackerHostPort + "/fhir/tricks",
        EHR.allowedBase() + "-evil",
        EHR.allowedBase().replace("/fhir", "") + "0/fhir"}) {
      Http.Reply reply = http.hook(Examples.PATIENT_VIEW, Examples.missingPrefetchRequest(tricky, TOKEN));
      String diagnostics = reply.json().path("issue").path(0).path("diagnostics").asText();
      if (reply.status() == 400) {
        // a port beyond 65535 is no URL at all: refused as not a base URL
        assertThat(diagnostics).as(tricky).contains("base URL");
      } else {
        assertThat(reply.status()).as(tricky).isEqualTo(412);
        assertThat(diagnostics).as(tricky).contains("not allowed");
      }
    }
    assertThat(EHR.totalRequests()).isZero();
    assertThat(ATTACKER.totalRequests()).isZero();
  }

  private static void pageWithNextLink(String base, String type, String next) {
    ObjectNode page = (ObjectNode) Examples.parse(Examples.fhirServerFile(type + ".json"));
    page.withArray("link").addObject().put("relation", "next").put("url", next);
    EHR.stubSearch(base, type, FhirServerStub.ok(page.toString()));
  }

  /** Issue 14: a resource or search URL as fhirServer is a 400 that names the expected form, whatever was prefetched. */
  @Test
  void aFhirServerThatIsNotABaseUrlIs400() {
    String base = EHR.base("not-a-base");
    for (String notABase : new String[] {base + "/Patient", base + "/Patient/" + Examples.PATIENT_ID, base + "?_format=json"}) {
      Http.Reply fallback = http.hook(Examples.PATIENT_VIEW, Examples.missingPrefetchRequest(notABase, TOKEN));
      ObjectNode prefetched = Examples.request(Examples.FAVOURABLE);
      prefetched.put("fhirServer", notABase);
      Http.Reply withPrefetch = http.hook(Examples.PATIENT_VIEW, prefetched);

      for (Http.Reply reply : new Http.Reply[] {fallback, withPrefetch}) {
        assertThat(reply.status()).as(notABase).isEqualTo(400);
        assertThat(reply.json().path("issue").path(0).path("expression").toString()).contains("fhirServer");
        assertThat(reply.json().path("issue").path(0).path("diagnostics").asText()).contains("base URL")
            .contains("https://ehr.example.org/fhir");
      }
    }
    assertThat(EHR.totalRequests()).isZero();
  }
}
