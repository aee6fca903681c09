package org.metastasectomy.cds.hooks;

import jakarta.servlet.http.HttpServletRequest;

/** The verified caller (issuer, tenant) the security filter leaves on the request, for the audit. */
public final class CallerAttributes {
  public static final String ISSUER = "cds.caller.iss";
  public static final String TENANT = "cds.caller.tenant";

  private CallerAttributes() {}

  static Caller caller(HttpServletRequest http) {
    Object iss = http.getAttribute(ISSUER);
    Object tenant = http.getAttribute(TENANT);
    return iss == null ? Caller.ANONYMOUS : new Caller(iss.toString(), tenant == null ? null : tenant.toString());
  }
}
