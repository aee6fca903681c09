package org.metastasectomy.cds.intake;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Decides whether the service may contact an EHR's fhirServer (and send it the bearer token). Only URLs under an entry
 * of {@code cds.fhir.allowed-servers} qualify; https is required, except that an http entry on a loopback host is
 * honoured outside the prod profile (development and tests), and any allowed http entry is honoured when
 * {@code cds.fhir.allow-insecure-http} is on (a private network such as the docker compose sandbox; refused under prod).
 */
public final class FhirServerPolicy {
  private static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", "[::1]", "::1");

  private final List<String> allowedBases;
  private final boolean production;
  private final boolean insecureHttpAllowed;

  public FhirServerPolicy(List<String> allowedBases, boolean production) {
    this(allowedBases, production, false);
  }

  /** @throws IllegalArgumentException when plain http to any host is asked for under the prod profile */
  public FhirServerPolicy(List<String> allowedBases, boolean production, boolean insecureHttpAllowed) {
    if (production && insecureHttpAllowed) {
      throw new IllegalArgumentException("cds.fhir.allow-insecure-http=true is refused under the prod profile: "
          + "the EHR's access token would cross the network in clear text");
    }
    this.allowedBases = allowedBases.stream().map(FhirServerPolicy::normalise).toList();
    this.production = production;
    this.insecureHttpAllowed = insecureHttpAllowed;
  }

  public boolean allows(String fhirServer) {
    URI uri = parse(fhirServer);
    if (uri == null || uri.getRawQuery() != null || uri.getRawFragment() != null || !secureEnough(uri)) {
      return false;
    }
    String candidate = normalise(fhirServer);
    return allowedBases.stream().anyMatch(base -> candidate.equals(base) || candidate.startsWith(base + "/"));
  }

  /**
   * True when a URL (for example a paging link) stays under the fhirServer base: same scheme, host and port, and a path
   * below the base's (a link to {@code /fhir-other} or to port {@code 80890} does not qualify for base {@code :8089/fhir}).
   */
  public boolean sameServer(String fhirServer, String url) {
    if (parse(url) == null || !allows(fhirServer)) {
      return false;
    }
    String base = normalise(fhirServer);
    String link = normalise(url);
    return link.equals(base) || link.startsWith(base + "/") || link.startsWith(base + "?");
  }

  /** An absolute URL with a host, no user-info and no dot segments (which could climb out of an allowed path). */
  private static URI parse(String url) {
    if (url == null || url.isBlank()) {
      return null;
    }
    URI uri;
    try {
      uri = new URI(url.trim());
    } catch (URISyntaxException e) {
      return null;
    }
    String path = uri.getRawPath() == null ? "" : uri.getRawPath();
    boolean dotSegments = (path + "/").contains("/./") || (path + "/").contains("/../")
        || path.toLowerCase(Locale.ROOT).contains("%2e") || path.contains("\\");
    return uri.getHost() == null || uri.getRawUserInfo() != null || dotSegments ? null : uri;
  }

  private boolean secureEnough(URI uri) {
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (scheme.equals("https")) {
      return true;
    }
    return scheme.equals("http") && (insecureHttpAllowed || !production && LOOPBACK.contains(uri.getHost().toLowerCase(Locale.ROOT)));
  }

  private static String normalise(String url) {
    String u = url.trim();
    while (u.endsWith("/")) {
      u = u.substring(0, u.length() - 1);
    }
    int schemeEnd = u.indexOf("://");
    if (schemeEnd < 0) {
      return u;
    }
    int hostEnd = u.indexOf('/', schemeEnd + 3);
    String head = hostEnd < 0 ? u : u.substring(0, hostEnd);
    String tail = hostEnd < 0 ? "" : u.substring(hostEnd);
    return head.toLowerCase(Locale.ROOT) + tail;
  }
}
