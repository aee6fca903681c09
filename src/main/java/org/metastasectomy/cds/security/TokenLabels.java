package org.metastasectomy.cds.security;

/**
 * The parts of a token that may be logged (CDS Hooks best practice: {@code iss}, {@code tenant}, {@code jti}; plus the
 * key id). Values are escaped ({@link LogText}) and shortened, since they come from an unverified caller.
 */
public record TokenLabels(String iss, String kid, String jti) {
  static final TokenLabels NONE = new TokenLabels(null, null, null);

  public TokenLabels {
    iss = clean(iss);
    kid = clean(kid);
    jti = clean(jti);
  }

  @Override
  public String toString() {
    return "iss=" + iss + ", kid=" + kid + ", jti=" + jti;
  }

  static String clean(String value) {
    return LogText.of(value);
  }
}
