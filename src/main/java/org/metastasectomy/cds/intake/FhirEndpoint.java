package org.metastasectomy.cds.intake;

import java.util.List;
import java.util.Optional;

/**
 * An allowed fhirServer, resolved against {@code cds.fhir.allowed-servers}: the canonical base the service contacts,
 * and which configured server it is. Paging links are followed when they point under any of that server's names (its
 * aliases), and are then rewritten onto {@link #base}: the token only ever goes where the request's fhirServer points.
 *
 * @param base the canonical fhirServer: what is contacted
 * @param server the configured server's first name: the key of its bulkhead
 * @param names every name of the configured server (first name and aliases)
 * @param pathBelow the fhirServer's path below the configured name it matched ({@code ""} when it is that name)
 */
public record FhirEndpoint(CanonicalUrl base, String server, List<CanonicalUrl> names, String pathBelow) {

  /** The key of this endpoint's circuit breaker: one for every spelling and alias of the same base. */
  public String breakerKey() {
    return server + pathBelow;
  }

  /** The URL to request for a relative query such as {@code Condition?patient=1} or {@code Patient/1}. */
  String url(String relativeQuery) {
    return base.resolve("/" + relativeQuery);
  }

  /**
   * The URL to request for a paging link, on this endpoint's base; empty when the link points anywhere but this base
   * under one of the server's names (another host, port, scheme or path, or not a URL).
   */
  public Optional<String> follow(String link) {
    Optional<CanonicalUrl> parsed = CanonicalUrl.parse(link);
    if (parsed.isEmpty()) {
      return Optional.empty();
    }
    CanonicalUrl url = parsed.get();
    for (CanonicalUrl name : names) {
      CanonicalUrl sameBase = new CanonicalUrl(name.origin(), name.path() + pathBelow, null, null);
      if (url.isAtOrBelow(sameBase)) {
        return Optional.of(base.resolve(url.pathBelow(sameBase) + (url.query() == null ? "" : "?" + url.query())));
      }
    }
    return Optional.empty();
  }
}
