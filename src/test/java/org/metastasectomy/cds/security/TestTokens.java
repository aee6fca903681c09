package org.metastasectomy.cds.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.OctetSequenceKey;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.OctetSequenceKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;
import java.util.function.Consumer;

/** Keys generated in the test and tokens shaped like a CDS client's (CDS Hooks §Trusting CDS Clients). */
final class TestTokens {
  private TestTokens() {}

  static ECKey ecKey(String kid) {
    try {
      return new ECKeyGenerator(Curve.P_384).keyID(kid).generate();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  static RSAKey rsaKey(String kid) {
    try {
      return new RSAKeyGenerator(2048).keyID(kid).generate();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  static OctetSequenceKey hmacKey(String kid) {
    try {
      return new OctetSequenceKeyGenerator(256).keyID(kid).generate();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Claims as an EHR sends them: iss, aud, iat now, exp in five minutes, a fresh jti. */
  static JWTClaimsSet.Builder claims(String iss, String aud) {
    Instant now = Instant.now();
    return new JWTClaimsSet.Builder()
        .issuer(iss)
        .audience(aud)
        .issueTime(Date.from(now))
        .expirationTime(Date.from(now.plus(Duration.ofMinutes(5))))
        .jwtID(UUID.randomUUID().toString());
  }

  static String sign(JWK key, JWTClaimsSet.Builder claims) {
    return sign(key, claims, h -> {});
  }

  static String sign(JWK key, JWTClaimsSet.Builder claims, Consumer<JWSHeader.Builder> header) {
    JWSAlgorithm alg = key instanceof ECKey ? JWSAlgorithm.ES384 : key instanceof RSAKey ? JWSAlgorithm.RS384 : JWSAlgorithm.HS256;
    JWSHeader.Builder h = new JWSHeader.Builder(alg).type(JOSEObjectType.JWT).keyID(key.getKeyID());
    header.accept(h);
    try {
      SignedJWT jwt = new SignedJWT(h.build(), claims.build());
      jwt.sign(signer(key));
      return jwt.serialize();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  static String unsigned(JWTClaimsSet.Builder claims) {
    return new PlainJWT(claims.build()).serialize();
  }

  private static JWSSigner signer(JWK key) throws JOSEException {
    if (key instanceof ECKey ec) {
      return new ECDSASigner(ec);
    }
    if (key instanceof RSAKey rsa) {
      return new RSASSASigner(rsa);
    }
    return new MACSigner((OctetSequenceKey) key);
  }
}
