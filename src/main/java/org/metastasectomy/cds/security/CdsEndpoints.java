package org.metastasectomy.cds.security;

import jakarta.servlet.http.HttpServletRequest;

/** The CDS Hooks endpoints that need a client token: discovery, each service and its feedback. */
public final class CdsEndpoints {
  public static final String DISCOVERY = "/cds-services";

  private CdsEndpoints() {}

  public static boolean matches(HttpServletRequest request) {
    String path = pathWithinApplication(request);
    return path.equals(DISCOVERY) || path.startsWith(DISCOVERY + "/");
  }

  /** The request path without the servlet context path, as sent (not decoded). */
  public static String pathWithinApplication(HttpServletRequest request) {
    String uri = request.getRequestURI();
    String context = request.getContextPath();
    return context != null && !context.isEmpty() && uri.startsWith(context) ? uri.substring(context.length()) : uri;
  }
}
