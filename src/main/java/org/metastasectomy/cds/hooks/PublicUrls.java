package org.metastasectomy.cds.hooks;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Absolute URLs of this service, for card links: {@code cds.security.public-base-url} when set (behind a reverse
 * proxy), else derived from the request.
 */
public final class PublicUrls {
  private final String configuredBase;

  public PublicUrls(String configuredBase) {
    this.configuredBase = configuredBase == null || configuredBase.isBlank() ? null : strip(configuredBase);
  }

  public String base(HttpServletRequest http) {
    if (configuredBase != null) {
      return configuredBase;
    }
    StringBuilder url = new StringBuilder(http.getScheme()).append("://").append(http.getServerName());
    int port = http.getServerPort();
    boolean defaultPort = (http.getScheme().equals("http") && port == 80) || (http.getScheme().equals("https") && port == 443);
    if (!defaultPort) {
      url.append(':').append(port);
    }
    return url.append(http.getContextPath()).toString();
  }

  public String rulesPage(HttpServletRequest http) {
    return base(http) + "/rules";
  }

  private static String strip(String url) {
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }
}
