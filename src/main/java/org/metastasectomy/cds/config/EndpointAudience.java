package org.metastasectomy.cds.config;

import jakarta.servlet.http.HttpServletRequest;
import java.util.function.Function;
import org.metastasectomy.cds.security.CdsEndpoints;
import org.metastasectomy.cds.hooks.PublicUrls;

/**
 * The URL the EHR called, which a token's {@code aud} must equal: the service's public base URL
 * ({@code cds.security.public-base-url} behind a reverse proxy, else the request's scheme, host, port and context
 * path) followed by the path within the application. Discovery is {base}/cds-services, a service
 * {base}/cds-services/{id}, feedback {base}/cds-services/{id}/feedback.
 */
final class EndpointAudience implements Function<HttpServletRequest, String> {
  private final PublicUrls urls;

  EndpointAudience(PublicUrls urls) {
    this.urls = urls;
  }

  @Override
  public String apply(HttpServletRequest request) {
    return urls.base(request) + CdsEndpoints.pathWithinApplication(request);
  }
}
