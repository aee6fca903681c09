package org.metastasectomy.cds.hooks;

/** Who called, for the audit (from the verified JWT; empty when authentication is off). */
public record Caller(String issuer, String tenant) {
  public static final Caller ANONYMOUS = new Caller(null, null);
}
