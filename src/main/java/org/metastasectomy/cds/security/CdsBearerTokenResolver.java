package org.metastasectomy.cds.security;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;

/**
 * Reads the bearer token from the Authorization header (never from a query or form parameter), and only on CDS Hooks
 * endpoints: a token sent to the health probe or the HTML pages is ignored rather than judged.
 */
public final class CdsBearerTokenResolver implements BearerTokenResolver {
  private final DefaultBearerTokenResolver header = new DefaultBearerTokenResolver();

  @Override
  public String resolve(HttpServletRequest request) {
    return CdsEndpoints.matches(request) ? header.resolve(request) : null;
  }
}
