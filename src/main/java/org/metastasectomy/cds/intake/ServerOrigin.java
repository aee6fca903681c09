package org.metastasectomy.cds.intake;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * How logs and messages name an EHR's FHIR server: scheme://host:port only. The path and query are left out (they can
 * carry a tenant or patient id), and so is user info (it can carry a password); a firewall ticket needs no more.
 */
public final class ServerOrigin {
  private ServerOrigin() {}

  public static String of(String url) {
    if (url == null || url.isBlank()) {
      return "(none)";
    }
    try {
      URI uri = new URI(url.trim());
      if (uri.getScheme() == null || uri.getHost() == null) {
        return "(not an absolute URL)";
      }
      String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
      int port = uri.getPort() >= 0 ? uri.getPort() : scheme.equals("https") ? 443 : scheme.equals("http") ? 80 : -1;
      return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + (port >= 0 ? ":" + port : "");
    } catch (URISyntaxException e) {
      return "(not a URL)";
    }
  }
}
