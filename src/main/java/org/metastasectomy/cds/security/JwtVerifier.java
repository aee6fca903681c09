package org.metastasectomy.cds.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.source.RateLimitReachedException;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.SignedJWT;
import java.text.ParseException;
import java.time.Duration;
import java.util.Objects;
import org.springframework.dao.DataAccessException;

/**
 * Verifies a CDS client's bearer JWT for one endpoint, in the order of the CDS Hooks best practices: a signed token with
 * an allowed algorithm; {@code iss} on the allowlist; a {@code jku}, if any, equal to that issuer's configured JWKS URL;
 * signature and claims by Nimbus against that issuer's keys only ({@link ClaimsPolicy}); tenant; and last the
 * {@code jti} replay check, so that only fully valid tokens are remembered. Any failure is a {@link JwtRejectedException}.
 */
public final class JwtVerifier {
  private final TrustedIssuers issuers;
  private final ReplayGuard replays;
  private final Duration clockSkew;

  public JwtVerifier(TrustedIssuers issuers, ReplayGuard replays, Duration clockSkew) {
    this.issuers = issuers;
    this.replays = replays;
    this.clockSkew = clockSkew;
  }

  public VerifiedCaller verify(String token, String endpointUrl) {
    SignedJWT jwt = signed(token);
    JWSHeader header = jwt.getHeader();
    String claimedIss = unverifiedIssuer(jwt);
    TokenLabels labels = new TokenLabels(claimedIss, header.getKeyID(), unverifiedJti(jwt));
    if (!issuers.allows(header.getAlgorithm())) {
      throw reject(RejectionReason.ALGORITHM, "algorithm " + header.getAlgorithm() + " is not allowed", labels);
    }
    TrustedIssuer issuer = issuers.find(claimedIss)
        .orElseThrow(() -> reject(RejectionReason.UNKNOWN_ISSUER, "issuer is not on the allowlist", labels));
    if (header.getJWKURL() != null && !Objects.equals(header.getJWKURL().toString(), issuer.jwksUri())) {
      throw reject(RejectionReason.JKU, "jku " + TokenLabels.clean(header.getJWKURL().toString())
          + " is not this issuer's configured jwks-uri", labels);
    }
    JWTClaimsSet claims = process(issuer, jwt, endpointUrl, labels);
    String tenant = tenant(issuer, claims, labels);
    rememberOnce(issuer, claims, labels);
    return new VerifiedCaller(issuer.iss(), tenant, claims.getJWTID());
  }

  private static SignedJWT signed(String token) {
    JWT parsed;
    try {
      parsed = JWTParser.parse(token);
    } catch (ParseException e) {
      throw reject(RejectionReason.MALFORMED, "not a JWT", TokenLabels.NONE);
    }
    if (parsed instanceof SignedJWT jwt) {
      return jwt;
    }
    throw reject(RejectionReason.ALGORITHM, "token is not signed (alg none) or is encrypted", TokenLabels.NONE);
  }

  private static JWTClaimsSet process(TrustedIssuer issuer, SignedJWT jwt, String endpointUrl, TokenLabels labels) {
    try {
      return issuer.processor().process(jwt, new ExpectedAudience(endpointUrl));
    } catch (ClaimsPolicy.ClaimRejected e) {
      throw reject(e.reason(), e.getMessage(), labels);
    } catch (RateLimitReachedException e) {
      throw reject(RejectionReason.KEY_REFRESH_LIMITED, "unknown kid; JWKS refresh rate limit reached", labels);
    } catch (KeySourceException e) {
      throw reject(RejectionReason.KEYS_UNAVAILABLE, "issuer keys could not be fetched: " + e.getMessage(), labels);
    } catch (BadJOSEException | JOSEException e) {
      throw reject(RejectionReason.SIGNATURE, e.getMessage(), labels);
    }
  }

  private static String tenant(TrustedIssuer issuer, JWTClaimsSet claims, TokenLabels labels) {
    Object tenant = claims.getClaim("tenant");
    String value = tenant instanceof String s ? s : null;
    if (!issuer.tenants().isEmpty() && (value == null || !issuer.tenants().contains(value))) {
      throw reject(RejectionReason.TENANT, "tenant " + TokenLabels.clean(value) + " is not allowed for this issuer", labels);
    }
    return value;
  }

  private void rememberOnce(TrustedIssuer issuer, JWTClaimsSet claims, TokenLabels labels) {
    boolean first;
    try {
      first = replays.firstUse(issuer.iss(), claims.getJWTID(), claims.getExpirationTime().toInstant().plus(clockSkew));
    } catch (DataAccessException e) {
      throw reject(RejectionReason.REPLAY_STORE_UNAVAILABLE, "replay store unavailable: " + e.getClass().getSimpleName(), labels);
    }
    if (!first) {
      throw reject(RejectionReason.REPLAY, "jti was used before", labels);
    }
  }

  private static String unverifiedIssuer(SignedJWT jwt) {
    try {
      return jwt.getJWTClaimsSet().getIssuer();
    } catch (ParseException e) {
      throw reject(RejectionReason.MALFORMED, "payload is not a JWT claims set", TokenLabels.NONE);
    }
  }

  private static String unverifiedJti(SignedJWT jwt) {
    try {
      return jwt.getJWTClaimsSet().getJWTID();
    } catch (ParseException e) {
      return null;
    }
  }

  private static JwtRejectedException reject(RejectionReason reason, String detail, TokenLabels labels) {
    return new JwtRejectedException(reason, detail, labels);
  }
}
