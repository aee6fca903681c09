package org.metastasectomy.cds.security;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jwt.JWTClaimsSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The claim rules at their edges, with a pinned clock: skew 60 s, lifetime at most one hour. */
class ClaimsPolicyTest {
  static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");
  static final String AUD = "https://cds.example.org/cds-services/metastasectomy-patient-view";
  final ClaimsPolicy policy = new ClaimsPolicy(Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofSeconds(60), Duration.ofHours(1));

  @Test
  void aTokenAsTheSpecDescribesItPasses() {
    assertThatCode(() -> policy.verify(claims(NOW, NOW.plusSeconds(300)).build(), new ExpectedAudience(AUD))).doesNotThrowAnyException();
  }

  @Test
  void audienceMayBeAnArrayThatNamesTheEndpoint() {
    JWTClaimsSet claims = claims(NOW, NOW.plusSeconds(300)).audience(List.of("https://elsewhere.example", AUD)).build();
    assertThatCode(() -> policy.verify(claims, new ExpectedAudience(AUD))).doesNotThrowAnyException();
  }

  @Test
  void audienceMustMatchExactly() {
    assertRejected(claims(NOW, NOW.plusSeconds(300)).audience(AUD + "/feedback"), RejectionReason.AUDIENCE);
    assertRejected(claims(NOW, NOW.plusSeconds(300)).audience("https://cds.example.org/cds-services"), RejectionReason.AUDIENCE);
  }

  @Test
  void expiryIsToleratedOnlyWithinTheClockSkew() {
    Instant iat = NOW.minusSeconds(600);
    assertThatCode(() -> policy.verify(claims(iat, NOW.minusSeconds(59)).build(), new ExpectedAudience(AUD))).doesNotThrowAnyException();
    assertRejected(claims(iat, NOW.minusSeconds(60)), RejectionReason.EXPIRED);
  }

  @Test
  void issuedAtInTheFutureIsToleratedOnlyWithinTheClockSkew() {
    assertThatCode(() -> policy.verify(claims(NOW.plusSeconds(59), NOW.plusSeconds(300)).build(), new ExpectedAudience(AUD)))
        .doesNotThrowAnyException();
    assertRejected(claims(NOW.plusSeconds(61), NOW.plusSeconds(300)), RejectionReason.NOT_YET_VALID);
  }

  @Test
  void notBeforeInTheFutureIsRefused() {
    assertRejected(claims(NOW, NOW.plusSeconds(300)).notBeforeTime(Date.from(NOW.plusSeconds(120))), RejectionReason.NOT_YET_VALID);
  }

  @Test
  void lifetimeMayBeAtMostTheMaximum() {
    assertThatCode(() -> policy.verify(claims(NOW, NOW.plus(Duration.ofHours(1))).build(), new ExpectedAudience(AUD)))
        .doesNotThrowAnyException();
    assertRejected(claims(NOW, NOW.plus(Duration.ofHours(1)).plusSeconds(1)), RejectionReason.LIFETIME);
  }

  @Test
  void everyRequiredClaimMustBePresent() {
    assertRejected(claims(NOW, NOW.plusSeconds(300)).jwtID(null), RejectionReason.MISSING_CLAIM);
    assertRejected(claims(NOW, NOW.plusSeconds(300)).issueTime(null), RejectionReason.MISSING_CLAIM);
    assertRejected(claims(NOW, NOW.plusSeconds(300)).expirationTime(null), RejectionReason.MISSING_CLAIM);
    assertRejected(claims(NOW, NOW.plusSeconds(300)).audience((String) null), RejectionReason.MISSING_CLAIM);
    assertRejected(claims(NOW, NOW.plusSeconds(300)).issuer(null), RejectionReason.MISSING_CLAIM);
  }

  private void assertRejected(JWTClaimsSet.Builder claims, RejectionReason reason) {
    assertThatThrownBy(() -> policy.verify(claims.build(), new ExpectedAudience(AUD)))
        .isInstanceOfSatisfying(ClaimsPolicy.ClaimRejected.class, e -> org.assertj.core.api.Assertions.assertThat(e.reason()).isEqualTo(reason));
  }

  private static JWTClaimsSet.Builder claims(Instant iat, Instant exp) {
    return new JWTClaimsSet.Builder().issuer("https://ehr.example.org").audience(AUD).jwtID("jti-1")
        .issueTime(Date.from(iat)).expirationTime(Date.from(exp));
  }
}
