package org.metastasectomy.cds.intake;

import ca.uhn.fhir.context.FhirContext;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Decides whether the service may contact an EHR's fhirServer (and send it the bearer token). Each entry of
 * {@code cds.fhir.allowed-servers} is one server: its base URL, optionally followed by aliases separated by spaces
 * (the other names the same server answers under, e.g. its internal and external host names). A fhirServer qualifies
 * when, compared canonically ({@link CanonicalUrl}), it is one of those names or a path below one. https is required,
 * except that an http fhirServer on a loopback host is honoured outside the prod profile (development and tests), and
 * any http fhirServer when {@code cds.fhir.allow-insecure-http} is on (a private network; refused under prod).
 */
public final class FhirServerPolicy {
  private static final Set<String> LOOPBACK = Set.of("http://localhost", "http://127.0.0.1", "http://[::1]");
  static final String EXPECTED_FORM = "fhirServer must be the base URL of a FHIR server, such as https://ehr.example.org/fhir: "
      + "absolute http(s), no query or fragment, not a resource or search URL (ending in /Patient or /Patient/123)";

  /** One configured server and all its names; the first name is its key. */
  private record Server(List<CanonicalUrl> names) {}

  private final List<Server> servers;
  private final boolean production;
  private final boolean insecureHttpAllowed;

  public FhirServerPolicy(List<String> entries, boolean production) {
    this(entries, production, false);
  }

  /**
   * @throws IllegalArgumentException when plain http to any host is asked for under the prod profile, or an entry is
   *     not a list of base URLs
   */
  public FhirServerPolicy(List<String> entries, boolean production, boolean insecureHttpAllowed) {
    if (production && insecureHttpAllowed) {
      throw new IllegalArgumentException("cds.fhir.allow-insecure-http=true is refused under the prod profile: "
          + "the EHR's access token would cross the network in clear text");
    }
    List<Server> out = new ArrayList<>();
    for (int i = 0; i < entries.size(); i++) {
      List<CanonicalUrl> names = new ArrayList<>();
      int index = i;
      for (String name : names(entries.get(i))) {
        CanonicalUrl url = CanonicalUrl.parse(name).filter(u -> u.query() == null && u.fragment() == null)
            .orElseThrow(() -> new IllegalArgumentException("cds.fhir.allowed-servers[" + index + "]: '" + name
                + "' is not a base URL (http or https, a host, no user-info, query or fragment)"));
        names.add(url);
      }
      if (!names.isEmpty()) {
        out.add(new Server(List.copyOf(names)));
      }
    }
    this.servers = List.copyOf(out);
    this.production = production;
    this.insecureHttpAllowed = insecureHttpAllowed;
  }

  /** The names of one allow-list entry: its base URL and aliases, separated by white space. */
  public static List<String> names(String entry) {
    return entry == null || entry.isBlank() ? List.of() : Arrays.asList(entry.trim().split("\\s+"));
  }

  public boolean allows(String fhirServer) {
    return endpoint(fhirServer).isPresent();
  }

  /** The endpoint to contact for this fhirServer, or empty when it may not be contacted. */
  public Optional<FhirEndpoint> endpoint(String fhirServer) {
    Optional<CanonicalUrl> parsed = CanonicalUrl.parse(fhirServer);
    if (parsed.isEmpty() || parsed.get().query() != null || parsed.get().fragment() != null || !secureEnough(parsed.get())) {
      return Optional.empty();
    }
    CanonicalUrl base = parsed.get();
    for (Server server : servers) {
      for (CanonicalUrl name : server.names()) {
        if (base.isAtOrBelow(name)) {
          return Optional.of(new FhirEndpoint(base, server.names().get(0).base(), server.names(), base.pathBelow(name)));
        }
      }
    }
    return Optional.empty();
  }

  /** True when a URL (for example a paging link) lies under the fhirServer's base, under any name of its server. */
  public boolean sameServer(String fhirServer, String url) {
    return endpoint(fhirServer).flatMap(e -> e.follow(url)).isPresent();
  }

  /**
   * Why a fhirServer cannot be a FHIR base URL (for a 400), or empty when it can: not an absolute http(s) URL, a
   * query or fragment, or a path that ends in a resource type, a resource id or an operation.
   */
  public static Optional<String> notABaseUrl(String fhirServer) {
    Optional<CanonicalUrl> parsed = CanonicalUrl.parse(fhirServer);
    if (parsed.isEmpty()) {
      return fhirServer != null && fhirServer.contains("@") ? Optional.empty() : Optional.of(EXPECTED_FORM);
    }
    CanonicalUrl url = parsed.get();
    if (url.query() != null || url.fragment() != null) {
      return Optional.of(EXPECTED_FORM);
    }
    String[] segments = url.path().split("/");
    String last = segments.length > 0 ? segments[segments.length - 1] : "";
    String beforeLast = segments.length > 1 ? segments[segments.length - 2] : "";
    if (isResourceType(last) || isResourceType(beforeLast) || last.startsWith("$") || last.startsWith("_")
        || last.equals("metadata")) {
      return Optional.of(EXPECTED_FORM);
    }
    return Optional.empty();
  }

  private static boolean isResourceType(String segment) {
    return !segment.isEmpty() && Character.isUpperCase(segment.charAt(0))
        && FhirContext.forR4Cached().getResourceTypes().contains(segment);
  }

  private boolean secureEnough(CanonicalUrl url) {
    if (url.origin().startsWith("https://")) {
      return true;
    }
    return insecureHttpAllowed || !production && LOOPBACK.contains(hostOnly(url.origin()));
  }

  private static String hostOnly(String origin) {
    int portColon = origin.lastIndexOf(':');
    return portColon > "https://".length() && !origin.endsWith("]") ? origin.substring(0, portColon) : origin;
  }
}
