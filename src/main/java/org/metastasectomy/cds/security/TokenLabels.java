package org.metastasectomy.cds.security;

import java.util.regex.Pattern;

/**
 * The parts of a token that may be logged (CDS Hooks best practice: {@code iss}, {@code tenant}, {@code jti}; plus the
 * key id). Values are cleaned of control characters and shortened, since they come from an unverified caller.
 */
public record TokenLabels(String iss, String kid, String jti) {
  static final TokenLabels NONE = new TokenLabels(null, null, null);
  private static final Pattern UNSAFE = Pattern.compile("[^\\x20-\\x7E]");
  private static final int MAX = 200;

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
    if (value == null) {
      return null;
    }
    String printable = UNSAFE.matcher(value).replaceAll("?");
    return printable.length() <= MAX ? printable : printable.substring(0, MAX) + "...";
  }
}
