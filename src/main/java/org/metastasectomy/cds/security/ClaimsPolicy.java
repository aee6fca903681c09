package org.metastasectomy.cds.security;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.BadJWTException;
import com.nimbusds.jwt.proc.JWTClaimsSetVerifier;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;

/**
 * The claims every CDS client token must satisfy (CDS Hooks §Trusting CDS Clients): {@code iss, aud, exp, iat, jti}
 * present; {@code aud} names the endpoint called; {@code exp} not passed and {@code iat}/{@code nbf} not in the future,
 * both within the clock skew; and a lifetime ({@code exp - iat}) no longer than the maximum, which also bounds how long
 * a {@code jti} must be remembered. Nimbus calls this only after the signature has verified.
 */
final class ClaimsPolicy implements JWTClaimsSetVerifier<ExpectedAudience> {
  private static final List<String> REQUIRED = List.of("iss", "aud", "exp", "iat", "jti");

  private final Clock clock;
  private final Duration clockSkew;
  private final Duration maxLifetime;

  ClaimsPolicy(Clock clock, Duration clockSkew, Duration maxLifetime) {
    this.clock = clock;
    this.clockSkew = clockSkew;
    this.maxLifetime = maxLifetime;
  }

  /** A claim check that failed, with the category to count it under. */
  static final class ClaimRejected extends BadJWTException {
    private final RejectionReason reason;

    ClaimRejected(RejectionReason reason, String message) {
      super(message);
      this.reason = reason;
    }

    RejectionReason reason() {
      return reason;
    }
  }

  @Override
  public void verify(JWTClaimsSet claims, ExpectedAudience expected) throws BadJWTException {
    List<String> missing = REQUIRED.stream().filter(name -> claims.getClaim(name) == null).toList();
    if (!missing.isEmpty()) {
      throw new ClaimRejected(RejectionReason.MISSING_CLAIM, "missing claims " + missing);
    }
    if (!claims.getAudience().contains(expected.url())) {
      throw new ClaimRejected(RejectionReason.AUDIENCE, "aud " + claims.getAudience() + " does not name " + expected.url());
    }
    Instant now = clock.instant();
    Instant expires = instant(claims.getExpirationTime());
    Instant issued = instant(claims.getIssueTime());
    if (!expires.plus(clockSkew).isAfter(now)) {
      throw new ClaimRejected(RejectionReason.EXPIRED, "expired at " + expires);
    }
    if (issued.minus(clockSkew).isAfter(now)) {
      throw new ClaimRejected(RejectionReason.NOT_YET_VALID, "iat " + issued + " is in the future");
    }
    Date notBefore = claims.getNotBeforeTime();
    if (notBefore != null && instant(notBefore).minus(clockSkew).isAfter(now)) {
      throw new ClaimRejected(RejectionReason.NOT_YET_VALID, "nbf " + instant(notBefore) + " is in the future");
    }
    Duration lifetime = Duration.between(issued, expires);
    if (lifetime.compareTo(maxLifetime) > 0) {
      throw new ClaimRejected(RejectionReason.LIFETIME, "lifetime " + lifetime + " exceeds " + maxLifetime);
    }
  }

  private static Instant instant(Date date) {
    return date.toInstant();
  }
}
