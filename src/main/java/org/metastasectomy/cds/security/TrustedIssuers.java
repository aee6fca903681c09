package org.metastasectomy.cds.security;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.net.URI;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The {@code iss} allowlist. Built once at startup from configuration; a misconfigured issuer stops the service with a
 * message naming the setting, rather than failing later on every call.
 */
public final class TrustedIssuers {
  private static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", "[::1]");

  private final Map<String, TrustedIssuer> byIss;
  private final Set<JWSAlgorithm> algorithms;

  private TrustedIssuers(Map<String, TrustedIssuer> byIss, Set<JWSAlgorithm> algorithms) {
    this.byIss = Map.copyOf(byIss);
    this.algorithms = algorithms;
  }

  /**
   * @param production under the prod profile a jwks-uri must be https; elsewhere http is allowed on a loopback host
   *     (tests, local development)
   */
  public static TrustedIssuers build(List<IssuerSettings> issuers, TokenRules rules, JwksSettings jwks, Clock clock,
      boolean production) {
    Set<JWSAlgorithm> algorithms = AlgorithmPolicy.parse(rules.algorithms());
    ClaimsPolicy claims = new ClaimsPolicy(clock, rules.clockSkew(), rules.maxLifetime());
    Map<String, TrustedIssuer> byIss = new HashMap<>();
    for (int i = 0; i < issuers.size(); i++) {
      IssuerSettings s = issuers.get(i);
      String at = "cds.security.jwt.issuers[" + i + "]";
      if (blank(s.iss())) {
        throw new IllegalStateException(at + ".iss is empty");
      }
      if (blank(s.jwksUri()) == blank(s.jwksFile())) {
        throw new IllegalStateException(at + " (" + s.iss() + "): set exactly one of jwks-uri or jwks-file");
      }
      JWKSource<ExpectedAudience> keys;
      if (!blank(s.jwksUri())) {
        requireSecure(s.jwksUri(), at, production);
        keys = JwksSources.remote(s.jwksUri(), jwks);
      } else {
        keys = JwksSources.file(s.jwksFile());
      }
      DefaultJWTProcessor<ExpectedAudience> processor = new DefaultJWTProcessor<>();
      processor.setJWSKeySelector(new JWSVerificationKeySelector<>(algorithms, keys));
      processor.setJWTClaimsSetVerifier(claims);
      TrustedIssuer issuer = new TrustedIssuer(s.iss(), blank(s.jwksUri()) ? null : s.jwksUri(), Set.copyOf(s.tenants()), processor);
      if (byIss.put(s.iss(), issuer) != null) {
        throw new IllegalStateException(at + ": issuer " + s.iss() + " is listed twice");
      }
    }
    return new TrustedIssuers(byIss, algorithms);
  }

  Optional<TrustedIssuer> find(String iss) {
    return iss == null ? Optional.empty() : Optional.ofNullable(byIss.get(iss));
  }

  boolean allows(JWSAlgorithm algorithm) {
    return algorithms.contains(algorithm);
  }

  public int size() {
    return byIss.size();
  }

  private static void requireSecure(String uri, String at, boolean production) {
    URI parsed;
    try {
      parsed = URI.create(uri);
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException(at + ".jwks-uri is not a URL: " + uri, e);
    }
    String scheme = parsed.getScheme() == null ? "" : parsed.getScheme().toLowerCase(Locale.ROOT);
    String host = parsed.getHost() == null ? "" : parsed.getHost().toLowerCase(Locale.ROOT);
    boolean localHttp = scheme.equals("http") && !production && LOOPBACK.contains(host);
    if (!scheme.equals("https") && !localHttp) {
      throw new IllegalStateException(at + ".jwks-uri must be https (http only on localhost outside prod): " + uri);
    }
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}
