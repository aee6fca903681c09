package org.metastasectomy.cds.security;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.nio.file.Path;
import java.text.ParseException;

/** Where an issuer's public keys come from: its JWKS URL (fetched, cached, refreshed) or a file exchanged out of band. */
final class JwksSources {
  private JwksSources() {}

  static JWKSource<ExpectedAudience> remote(String jwksUri, JwksSettings settings) {
    URL url;
    try {
      url = URI.create(jwksUri).toURL();
    } catch (IllegalArgumentException | MalformedURLException e) {
      throw new IllegalStateException("jwks-uri is not a URL: " + jwksUri, e);
    }
    long refreshWait = settings.connectTimeout().plus(settings.readTimeout()).toMillis();
    return JWKSourceBuilder.<ExpectedAudience>create(url, new NoRedirectRetriever(settings))
        .cache(settings.cacheTtl().toMillis(), refreshWait)
        .refreshAheadCache(false)
        .rateLimited(settings.minRefreshInterval().toMillis())
        .retrying(false)
        .outageTolerant(false)
        .build();
  }

  /** Public keys only: private and symmetric key material in the file is dropped, never used. */
  static JWKSource<ExpectedAudience> file(String jwksFile) {
    try {
      JWKSet keys = JWKSet.load(Path.of(jwksFile).toFile()).toPublicJWKSet();
      if (keys.isEmpty()) {
        throw new IllegalStateException("jwks-file " + jwksFile + " holds no public key");
      }
      return new ImmutableJWKSet<>(keys);
    } catch (IOException | ParseException e) {
      throw new IllegalStateException("jwks-file " + jwksFile + " is not a readable JWK Set: " + e.getMessage(), e);
    }
  }

  /** Timeouts and a size limit, and no redirects: the configured URL is the only place keys are fetched from. */
  private static final class NoRedirectRetriever extends DefaultResourceRetriever {
    NoRedirectRetriever(JwksSettings settings) {
      super((int) settings.connectTimeout().toMillis(), (int) settings.readTimeout().toMillis(), JwksSettings.MAX_BYTES);
    }

    @Override
    protected HttpURLConnection openHTTPConnection(URL url) throws IOException {
      HttpURLConnection connection = super.openHTTPConnection(url);
      connection.setInstanceFollowRedirects(false);
      return connection;
    }
  }
}
