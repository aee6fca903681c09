package org.metastasectomy.cds.security;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.OctetSequenceKey;
import com.nimbusds.jose.jwk.RSAKey;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * CDS client authentication end to end: keys generated here, JWKS from a temporary file (ES384) and from WireMock
 * (RS384), tokens for discovery, invocation and feedback. Each refusal is checked for a bare 401 and for the reason it
 * was counted under, so a token refused for the wrong reason does not pass for the right one.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureObservability(tracing = false)
@ExtendWith(OutputCaptureExtension.class)
class JwtAuthenticationIT {
  static final String FILE_ISS = "https://ehr.example.org/file-issuer";
  static final String REMOTE_ISS = "https://ehr.example.org/remote-issuer";
  static final String ROTATING_ISS = "https://ehr.example.org/rotating-issuer";
  static final String FLOODED_ISS = "https://ehr.example.org/flooded-issuer";
  static final String TENANTED_ISS = "https://ehr.example.org/tenanted-issuer";
  static final String SERVICE = "metastasectomy-order-select";

  static final ECKey EC = TestTokens.ecKey("ec-1");
  static final ECKey IMPOSTOR = TestTokens.ecKey("ec-1");
  static final RSAKey RSA = TestTokens.rsaKey("rsa-1");
  static final OctetSequenceKey PUBLISHED_HMAC = TestTokens.hmacKey("hmac-1");
  static final RSAKey ROTATION_OLD = TestTokens.rsaKey("rotation-old");
  static final RSAKey ROTATION_NEW = TestTokens.rsaKey("rotation-new");
  static final ECKey FLOODED = TestTokens.ecKey("flooded-1");
  static final Path JWKS_FILE = writeJwksFile();

  @RegisterExtension
  static WireMockExtension jwks = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry r) {
    r.add("spring.datasource.url", () -> "jdbc:h2:mem:jwt-it;DB_CLOSE_DELAY=-1");
    r.add("cds.security.jwt.enabled", () -> "true");
    // Generous JWKS timeouts: the build machine is shared and WireMock's first answer can be slow.
    r.add("cds.security.jwt.jwks-connect-timeout", () -> "5s");
    r.add("cds.security.jwt.jwks-read-timeout", () -> "10s");
    issuer(r, 0, FILE_ISS, "jwks-file", JWKS_FILE.toString());
    issuer(r, 1, REMOTE_ISS, "jwks-uri", jwks.baseUrl() + "/remote/jwks.json");
    issuer(r, 2, ROTATING_ISS, "jwks-uri", jwks.baseUrl() + "/rotating/jwks.json");
    issuer(r, 3, FLOODED_ISS, "jwks-uri", jwks.baseUrl() + "/flooded/jwks.json");
    issuer(r, 4, TENANTED_ISS, "jwks-file", JWKS_FILE.toString());
    r.add("cds.security.jwt.issuers[4].tenants[0]", () -> "hospital-a");
  }

  private static void issuer(DynamicPropertyRegistry r, int i, String iss, String keysKey, String keys) {
    r.add("cds.security.jwt.issuers[" + i + "].iss", () -> iss);
    r.add("cds.security.jwt.issuers[" + i + "]." + keysKey, () -> keys);
  }

  @LocalServerPort int port;
  @Autowired MeterRegistry metrics;
  @Autowired JdbcClient jdbc;
  @Autowired org.metastasectomy.cds.audit.AuditWriter auditWriter;
  private final HttpClient http = HttpClient.newHttpClient();

  @BeforeEach
  void serveKeySets() {
    // The remote issuer's set also publishes a symmetric key: only the algorithm allowlist stops HS256 with it.
    serve("/remote/jwks.json", RSA, PUBLISHED_HMAC);
    serve("/rotating/jwks.json", ROTATION_OLD);
    serve("/flooded/jwks.json", FLOODED);
  }

  // --- accepted ---

  @Test
  void validEs384TokenFromFileIssuerOpensDiscoveryInvocationAndFeedback() {
    HttpResponse<String> discovery = send("GET", "/cds-services", null, TestTokens.sign(EC, claims(FILE_ISS, "/cds-services")));
    assertThat(discovery.statusCode()).isEqualTo(200);
    assertThat(discovery.body()).contains("\"" + SERVICE + "\"");

    HttpResponse<String> invocation = invoke(TestTokens.sign(EC, claims(FILE_ISS, "/cds-services/" + SERVICE)));
    assertThat(invocation.statusCode()).isEqualTo(200);
    assertThat(invocation.body()).isEqualTo("{\"cards\":[]}");

    // feedback needs a card this caller received: a patient-view card for the favourable example
    String patientView = "/cds-services/metastasectomy-patient-view";
    HttpResponse<String> card = send("POST", patientView, favourableExample(), TestTokens.sign(EC, claims(FILE_ISS, patientView)));
    assertThat(card.statusCode()).isEqualTo(200);
    String cardUuid = card.body().replaceFirst("(?s)^.*?\"uuid\":\"([^\"]+)\".*$", "$1");
    String feedbackPath = patientView + "/feedback";
    HttpResponse<String> feedback = send("POST", feedbackPath, feedbackBody(cardUuid), TestTokens.sign(EC, claims(FILE_ISS, feedbackPath)));
    assertThat(feedback.statusCode()).isEqualTo(200);
    assertThat(feedback.body()).isEqualTo("{\"stored\":1}");
  }

  @Test
  void validRs384TokenVerifiedWithKeysFetchedFromJwksUri() {
    // The RSA public key exists only at the WireMock JWKS URL, so acceptance proves it was fetched from there.
    HttpResponse<String> response = discovery(TestTokens.sign(RSA, claims(REMOTE_ISS, "/cds-services")));
    assertThat(response.statusCode()).isEqualTo(200);
  }

  @Test
  void jkuEqualToTheIssuersConfiguredJwksUriIsAccepted() {
    URI configured = URI.create(jwks.baseUrl() + "/remote/jwks.json");
    String token = TestTokens.sign(RSA, claims(REMOTE_ISS, "/cds-services"), h -> h.jwkURL(configured));
    assertThat(discovery(token).statusCode()).isEqualTo(200);
  }

  @Test
  void verifiedIssuerAndTenantReachTheAuditTrail() {
    String token = TestTokens.sign(EC, claims(TENANTED_ISS, "/cds-services/" + SERVICE).claim("tenant", "hospital-a"));
    HttpResponse<String> response = invoke(token);
    assertThat(response.statusCode()).isEqualTo(200);
    String hookInstance = "7e97b725-f8b9-532d-9fab-7e519f7cd2a9";
    auditWriter.flush();
    List<Map<String, Object>> rows = jdbc.sql("SELECT issuer, tenant FROM audit_event WHERE hook_instance = :h AND tenant IS NOT NULL")
        .param("h", hookInstance).query().listOfRows();
    assertThat(rows).anySatisfy(row -> {
      assertThat(row.get("ISSUER")).isEqualTo(TENANTED_ISS);
      assertThat(row.get("TENANT")).isEqualTo("hospital-a");
    });
  }

  @Test
  void keyRotationAtTheJwksUriIsPickedUpOnTheFirstUnknownKid() {
    assertThat(discovery(TestTokens.sign(ROTATION_OLD, claims(ROTATING_ISS, "/cds-services"))).statusCode()).isEqualTo(200);
    serve("/rotating/jwks.json", ROTATION_OLD, ROTATION_NEW);

    assertThat(discovery(TestTokens.sign(ROTATION_NEW, claims(ROTATING_ISS, "/cds-services"))).statusCode()).isEqualTo(200);
    jwks.verify(2, getRequestedFor(urlEqualTo("/rotating/jwks.json")));
  }

  // --- refused ---

  @Test
  void missingAuthorizationHeaderIsRefused() {
    assertRefused(() -> send("GET", "/cds-services", null, null), "missing-token");
    assertRefused(() -> send("POST", "/cds-services/" + SERVICE, example(), null), "missing-token");
    assertRefused(() -> send("POST", "/cds-services/" + SERVICE + "/feedback", feedbackBody(), null), "missing-token");
  }

  @Test
  void malformedAuthorizationHeaderIsRefusedWithoutSayingWhy() {
    assertRefused(() -> discovery("two words"), "malformed");
    assertRefused(() -> discovery("eyJhbGciOiJFUzM4NCJ9.e30"), "malformed");
  }

  @Test
  void signatureByAnotherKeyWithTheSameKidIsRefused() {
    assertRefused(() -> discovery(TestTokens.sign(IMPOSTOR, claims(FILE_ISS, "/cds-services"))), "signature");
  }

  @Test
  void unsignedTokenWithAlgNoneIsRefused() {
    assertRefused(() -> discovery(TestTokens.unsigned(claims(FILE_ISS, "/cds-services"))), "algorithm");
  }

  @Test
  void hs256SignedWithASymmetricKeyThatTheIssuerPublishesIsRefused() {
    assertRefused(() -> discovery(TestTokens.sign(PUBLISHED_HMAC, claims(REMOTE_ISS, "/cds-services"))), "algorithm");
  }

  @Test
  void issuerNotOnTheAllowlistIsRefused() {
    assertRefused(() -> discovery(TestTokens.sign(EC, claims("https://attacker.example", "/cds-services"))), "unknown-issuer");
  }

  @Test
  void tokenForAnotherEndpointIsRefused() {
    String discoveryToken = TestTokens.sign(EC, claims(FILE_ISS, "/cds-services"));
    assertRefused(() -> invoke(discoveryToken), "audience");
    String otherHost = TestTokens.sign(EC, claims(FILE_ISS, "/cds-services").audience("https://other.example.org/cds-services"));
    assertRefused(() -> discovery(otherHost), "audience");
  }

  @Test
  void expiredTokenIsRefused() {
    Instant now = Instant.now();
    String token = TestTokens.sign(EC, claims(FILE_ISS, "/cds-services")
        .issueTime(Date.from(now.minus(Duration.ofMinutes(10)))).expirationTime(Date.from(now.minus(Duration.ofMinutes(5)))));
    assertRefused(() -> discovery(token), "expired");
  }

  @Test
  void tokenIssuedInTheFutureBeyondTheClockSkewIsRefused() {
    Instant now = Instant.now();
    String token = TestTokens.sign(EC, claims(FILE_ISS, "/cds-services")
        .issueTime(Date.from(now.plus(Duration.ofMinutes(10)))).expirationTime(Date.from(now.plus(Duration.ofMinutes(15)))));
    assertRefused(() -> discovery(token), "not-yet-valid");
  }

  @Test
  void tokenLivingLongerThanTheMaximumLifetimeIsRefused() {
    String token = TestTokens.sign(EC, claims(FILE_ISS, "/cds-services")
        .expirationTime(Date.from(Instant.now().plus(Duration.ofHours(2)))));
    assertRefused(() -> discovery(token), "lifetime");
  }

  @Test
  void replayedTokenIsRefusedTheSecondTime() {
    String token = TestTokens.sign(EC, claims(FILE_ISS, "/cds-services"));
    assertThat(discovery(token).statusCode()).isEqualTo(200);
    assertRefused(() -> discovery(token), "replay");
  }

  @Test
  void tenantNotListedForTheIssuerIsRefused() {
    String wrongTenant = TestTokens.sign(EC, claims(TENANTED_ISS, "/cds-services").claim("tenant", "hospital-b"));
    assertRefused(() -> discovery(wrongTenant), "tenant");
    String noTenant = TestTokens.sign(EC, claims(TENANTED_ISS, "/cds-services"));
    assertRefused(() -> discovery(noTenant), "tenant");
  }

  @Test
  void jkuOtherThanTheIssuersConfiguredJwksUriIsRefusedEvenWithAValidSignature() {
    URI foreign = URI.create(jwks.baseUrl() + "/attacker/jwks.json");
    String remote = TestTokens.sign(RSA, claims(REMOTE_ISS, "/cds-services"), h -> h.jwkURL(foreign));
    assertRefused(() -> discovery(remote), "jku");
    String file = TestTokens.sign(EC, claims(FILE_ISS, "/cds-services"), h -> h.jwkURL(foreign));
    assertRefused(() -> discovery(file), "jku");
    jwks.verify(0, getRequestedFor(urlEqualTo("/attacker/jwks.json")));
  }

  @Test
  void unknownKidsRefreshTheKeySetAtMostTwicePerInterval() {
    double limitedBefore = rejections("key-refresh-limited");
    for (int i = 0; i < 6; i++) {
      ECKey stranger = TestTokens.ecKey("unknown-" + i);
      assertRefused(() -> discovery(TestTokens.sign(stranger, claims(FLOODED_ISS, "/cds-services"))), null);
    }
    assertThat(jwks.findAll(getRequestedFor(urlEqualTo("/flooded/jwks.json")))).hasSizeBetween(1, 2);
    assertThat(rejections("key-refresh-limited") - limitedBefore).isGreaterThanOrEqualTo(4);
    assertThat(discovery(TestTokens.sign(FLOODED, claims(FLOODED_ISS, "/cds-services"))).statusCode()).isEqualTo(200);
  }

  @Test
  void percentEncodedPathToACdsEndpointStillNeedsAToken() {
    assertThat(send("GET", "/%63ds-services", null, null).statusCode()).isEqualTo(401);
  }

  // --- open ---

  @Test
  void corsPreflightNeedsNoToken() throws Exception {
    HttpRequest preflight = HttpRequest.newBuilder(url("/cds-services/" + SERVICE))
        .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
        .header("Origin", "https://sandbox.cds-hooks.org")
        .header("Access-Control-Request-Method", "POST")
        .header("Access-Control-Request-Headers", "authorization,content-type")
        .build();
    HttpResponse<String> response = http.send(preflight, HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).contains("https://sandbox.cds-hooks.org");
    assertThat(response.headers().firstValue("Access-Control-Allow-Headers").orElse("").toLowerCase()).contains("authorization");
  }

  @Test
  void probesMetricsAndHtmlPagesAreNotCdsCallsAndStayOpen() {
    assertRefused(() -> send("GET", "/cds-services", null, null), "missing-token");
    assertThat(send("GET", "/actuator/health", null, null).statusCode()).isEqualTo(200);
    HttpResponse<String> prometheus = send("GET", "/actuator/prometheus", null, null);
    assertThat(prometheus.statusCode()).isEqualTo(200);
    assertThat(prometheus.body()).contains("cds_jwt_rejections_total{").contains("reason=\"missing-token\"");
    // The pages may not exist on this branch; what matters is that no token is asked for.
    assertThat(send("GET", "/", null, null).statusCode()).isNotEqualTo(401);
    assertThat(send("GET", "/rules", null, null).statusCode()).isNotEqualTo(401);
    String garbage = "not-a-jwt";
    assertThat(send("GET", "/actuator/health", null, garbage).statusCode()).isEqualTo(200);
  }

  @Test
  void tokensNeverReachTheLog(CapturedOutput output) {
    String accepted = TestTokens.sign(EC, claims(FILE_ISS, "/cds-services"));
    String expired = TestTokens.sign(EC, claims(FILE_ISS, "/cds-services").expirationTime(Date.from(Instant.now().minusSeconds(600)))
        .issueTime(Date.from(Instant.now().minusSeconds(900))));
    String forged = TestTokens.sign(IMPOSTOR, claims(FILE_ISS, "/cds-services"));
    String malformed = "eyJhbGciOiJFUzM4NCJ9.not-base64-json.sig";
    assertThat(discovery(accepted).statusCode()).isEqualTo(200);
    assertRefused(() -> discovery(accepted), "replay");
    assertRefused(() -> discovery(expired), "expired");
    assertRefused(() -> discovery(forged), "signature");
    assertRefused(() -> discovery(malformed), "malformed");

    assertThat(output.getAll()).contains("CDS client refused (expired)").contains("CDS client refused (signature)");
    for (String token : List.of(accepted, expired, forged, malformed)) {
      assertThat(output.getAll()).doesNotContain(token);
      for (String part : token.split("\\.")) {
        if (part.length() > 8) {
          assertThat(output.getAll()).doesNotContain(part);
        }
      }
    }
  }

  // --- helpers ---

  private com.nimbusds.jwt.JWTClaimsSet.Builder claims(String iss, String path) {
    return TestTokens.claims(iss, "http://localhost:" + port + path);
  }

  private HttpResponse<String> discovery(String token) {
    return send("GET", "/cds-services", null, token);
  }

  private HttpResponse<String> invoke(String token) {
    return send("POST", "/cds-services/" + SERVICE, example(), token);
  }

  private void assertRefused(java.util.function.Supplier<HttpResponse<String>> call, String reason) {
    double before = rejections(reason);
    HttpResponse<String> response = call.get();
    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.body()).isEmpty();
    assertThat(response.headers().allValues("WWW-Authenticate")).containsExactly("Bearer");
    if (reason != null) {
      assertThat(rejections(reason)).as("rejections counted as " + reason).isEqualTo(before + 1);
    }
  }

  private double rejections(String reason) {
    Counter counter = metrics.find("cds.jwt.rejections").tag("reason", String.valueOf(reason)).counter();
    return counter == null ? 0 : counter.count();
  }

  private HttpResponse<String> send(String method, String path, String body, String token) {
    HttpRequest.Builder request = HttpRequest.newBuilder(url(path))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    if (body != null) {
      request.header("Content-Type", "application/json");
    }
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    try {
      return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private URI url(String path) {
    return URI.create("http://localhost:" + port + path);
  }

  private static String example() {
    try {
      return Files.readString(Path.of("cds-hooks/examples/no-rcc/request.json"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String feedbackBody() {
    return feedbackBody(UUID.randomUUID().toString());
  }

  private static String feedbackBody(String card) {
    return "{\"feedback\":[{\"card\":\"" + card + "\",\"outcome\":\"overridden\",\"outcomeTimestamp\":\""
        + Instant.now() + "\"}]}";
  }

  private static String favourableExample() {
    try {
      return Files.readString(Path.of("cds-hooks/examples/solitary-lung-favourable/request.json"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Publishes the public halves of the keys (a symmetric key is published as is, which no EHR should do). */
  private static void serve(String path, JWK... keys) {
    List<JWK> published = java.util.Arrays.stream(keys).map(k -> k instanceof OctetSequenceKey ? k : k.toPublicJWK()).toList();
    jwks.stubFor(get(urlEqualTo(path)).willReturn(aResponse()
        .withHeader("Content-Type", "application/json")
        .withBody(new JWKSet(published).toString(false))));
  }

  /** The file an EHR would hand over out of band: public keys only. */
  private static Path writeJwksFile() {
    try {
      Path file = Files.createTempFile("ehr-jwks", ".json");
      file.toFile().deleteOnExit();
      Files.writeString(file, new JWKSet(EC.toPublicJWK()).toString());
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
