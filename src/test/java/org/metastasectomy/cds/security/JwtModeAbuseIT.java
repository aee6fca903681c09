package org.metastasectomy.cds.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Abuse of a service that authenticates its callers (issue 15): what an attacker without a valid token, or with a
 * valid token of another issuer, can still do. Two issuers trust the same key file here, as two EHRs of one vendor might.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ExtendWith(OutputCaptureExtension.class)
class JwtModeAbuseIT {
  static final String ISS_A = "https://ehr-a.example.org";
  static final String ISS_B = "https://ehr-b.example.org";
  static final ECKey KEY = TestTokens.ecKey("shared-1");
  static final Path JWKS_FILE = writeJwksFile();
  static final String SERVICE = "metastasectomy-patient-view";
  /** What a forged log line would start with if a header or claim reached the log raw. */
  static final String FORGED = "2026-12-01T00:00:00.000Z  INFO 1 --- [main] FORGED";

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry r) {
    r.add("spring.datasource.url", () -> "jdbc:h2:mem:jwt-abuse;DB_CLOSE_DELAY=-1");
    r.add("cds.security.jwt.enabled", () -> "true");
    r.add("cds.security.jwt.issuers[0].iss", () -> ISS_A);
    r.add("cds.security.jwt.issuers[0].jwks-file", JWKS_FILE::toString);
    r.add("cds.security.jwt.issuers[1].iss", () -> ISS_B);
    r.add("cds.security.jwt.issuers[1].jwks-file", JWKS_FILE::toString);
  }

  @LocalServerPort int port;
  private final HttpClient http = HttpClient.newHttpClient();

  // --- finding 7: log forging before authentication ---

  @Test
  void aNewlineOrEscapeInTheAlgorithmNeverStartsALogLine(CapturedOutput output) {
    String header = "{\"alg\":\"ES384\\n" + FORGED + " alg\\u001b[2J\",\"typ\":\"JWT\"}";
    String token = b64(header) + "." + b64("{\"iss\":\"" + ISS_A + "\"}") + "." + b64("signature");
    assertThat(discovery(token).statusCode()).isEqualTo(401);
    assertLogged(output, "CDS client refused (algorithm)");
    assertNoForgedLine(output);
  }

  @Test
  void aNewlineOrEscapeInTheTypeNeverStartsALogLine(CapturedOutput output) {
    String token = TestTokens.sign(KEY, TestTokens.claims(ISS_A, url("/cds-services")),
        h -> h.type(new JOSEObjectType("JWT\n" + FORGED + " typ\u001b[2J")));
    assertThat(discovery(token).statusCode()).isEqualTo(401);
    assertLogged(output, "CDS client refused (signature)");
    assertNoForgedLine(output);
  }

  @Test
  void aNewlineOrEscapeInTheAudienceOfASignedTokenNeverStartsALogLine(CapturedOutput output) {
    String token = TestTokens.sign(KEY, TestTokens.claims(ISS_A, "https://elsewhere\r\n" + FORGED + " aud\u001b[2J"));
    assertThat(discovery(token).statusCode()).isEqualTo(401);
    assertLogged(output, "CDS client refused (audience)");
    assertNoForgedLine(output);
  }

  // --- helpers ---

  private static void assertLogged(CapturedOutput output, String text) {
    assertThat(output.getAll()).contains(text);
  }

  private static void assertNoForgedLine(CapturedOutput output) {
    assertThat(output.getAll().lines()).noneMatch(line -> line.startsWith(FORGED));
    assertThat(output.getAll()).doesNotContain("\u001b[2J").contains("FORGED");
  }

  private HttpResponse<String> discovery(String token) {
    return send("GET", "/cds-services", null, token);
  }

  HttpResponse<String> send(String method, String path, String body, String token) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(path)))
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

  String url(String path) {
    return "http://localhost:" + port + path;
  }

  private static String b64(String json) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
  }

  private static Path writeJwksFile() {
    try {
      Path file = Files.createTempFile("abuse-jwks", ".json");
      file.toFile().deleteOnExit();
      Files.writeString(file, new JWKSet(KEY.toPublicJWK()).toString());
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
