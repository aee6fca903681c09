package org.metastasectomy.cds.security;

import java.time.Duration;

/**
 * How a remote JWKS is fetched: HTTP timeouts, how long the key set is cached, and the shortest interval between
 * refreshes (a token with an unknown {@code kid} triggers a refresh, so this bounds what a caller can make us fetch).
 */
public record JwksSettings(Duration connectTimeout, Duration readTimeout, Duration cacheTtl, Duration minRefreshInterval) {
  /** Largest JWKS document accepted. */
  static final int MAX_BYTES = 256 * 1024;
}
