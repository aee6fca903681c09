package org.metastasectomy.cds.config;

import java.util.Locale;

/**
 * The one spelling of a setting as an environment variable, Spring Boot's canonical form: list indexes become
 * {@code _0}, {@code _1}; dots become underscores; dashes are removed; upper case. So
 * {@code cds.security.jwt.issuers[0].jwks-uri} is {@code CDS_SECURITY_JWT_ISSUERS_0_JWKSURI}.
 */
public final class EnvironmentVariables {
  private EnvironmentVariables() {}

  public static String of(String property) {
    return property.replaceAll("\\[(\\d+)]", ".$1").replace("-", "").replace('.', '_').toUpperCase(Locale.ROOT);
  }

  /** "property (VARIABLE)", the way messages name a setting. */
  public static String named(String property) {
    return property + " (" + of(property) + ")";
  }
}
