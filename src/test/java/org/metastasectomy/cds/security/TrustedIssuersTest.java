package org.metastasectomy.cds.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.jwk.JWKSet;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A misconfigured issuer stops the service at startup with a message naming the setting. */
class TrustedIssuersTest {
  static final TokenRules RULES = new TokenRules(List.of("ES384", "RS384"), Duration.ofSeconds(60), Duration.ofHours(1));
  static final JwksSettings JWKS = new JwksSettings(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofMinutes(5), Duration.ofSeconds(30));

  @TempDir Path dir;

  @Test
  void anIssuerNeedsExactlyOneKeySource() throws IOException {
    Path file = publicJwks();
    assertRefused(new IssuerSettings("https://ehr.example.org", "https://ehr.example.org/jwks", file.toString(), List.of()),
        false, "cds.security.jwt.issuers[0] (https://ehr.example.org): set exactly one of jwks-uri or jwks-file");
    assertRefused(new IssuerSettings("https://ehr.example.org", null, " ", List.of()), false, "set exactly one");
  }

  @Test
  void anIssuerNeedsAnIss() throws IOException {
    assertRefused(new IssuerSettings("", null, publicJwks().toString(), List.of()), false, "cds.security.jwt.issuers[0].iss is empty");
  }

  @Test
  void jwksUriMustBeHttpsExceptOnLoopbackOutsideProd() {
    assertRefused(new IssuerSettings("https://ehr.example.org", "http://ehr.example.org/jwks", null, List.of()), false, "must be https");
    assertRefused(new IssuerSettings("https://ehr.example.org", "http://localhost:9999/jwks", null, List.of()), true, "must be https");
    TrustedIssuers local = build(List.of(new IssuerSettings("https://ehr.example.org", "http://localhost:9999/jwks", null, List.of())), false);
    assertThat(local.find("https://ehr.example.org")).isPresent();
  }

  @Test
  void anIssuerListedTwiceIsAConfigurationError() throws IOException {
    String file = publicJwks().toString();
    IssuerSettings once = new IssuerSettings("https://ehr.example.org", null, file, List.of());
    assertThatThrownBy(() -> build(List.of(once, once), false)).hasMessageContaining("listed twice");
  }

  @Test
  void aJwksFileWithOnlyASymmetricKeyIsRefused() throws IOException {
    Path file = dir.resolve("hmac.json");
    Files.writeString(file, new JWKSet(TestTokens.hmacKey("h")).toString(false));
    assertRefused(new IssuerSettings("https://ehr.example.org", null, file.toString(), List.of()), false, "holds no public key");
  }

  @Test
  void lookupIsByExactIss() throws IOException {
    TrustedIssuers issuers = build(List.of(new IssuerSettings("https://ehr.example.org", null, publicJwks().toString(), List.of())), false);
    assertThat(issuers.find("https://ehr.example.org")).isPresent();
    assertThat(issuers.find("https://ehr.example.org/")).isEmpty();
    assertThat(issuers.find("HTTPS://EHR.EXAMPLE.ORG")).isEmpty();
    assertThat(issuers.find(null)).isEmpty();
  }

  private void assertRefused(IssuerSettings issuer, boolean production, String message) {
    assertThatThrownBy(() -> build(List.of(issuer), production)).isInstanceOf(IllegalStateException.class).hasMessageContaining(message);
  }

  private static TrustedIssuers build(List<IssuerSettings> issuers, boolean production) {
    return TrustedIssuers.build(issuers, RULES, JWKS, Clock.systemUTC(), production);
  }

  private Path publicJwks() throws IOException {
    Path file = dir.resolve("jwks.json");
    Files.writeString(file, new JWKSet(TestTokens.ecKey("k").toPublicJWK()).toString());
    return file;
  }
}
