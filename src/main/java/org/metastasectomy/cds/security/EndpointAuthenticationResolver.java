package org.metastasectomy.cds.security;

import jakarta.servlet.http.HttpServletRequest;
import java.util.function.BiConsumer;
import java.util.function.Function;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.AuthenticationManagerResolver;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;

/**
 * Gives Spring Security's bearer-token filter an authentication manager bound to the endpoint being called, because the
 * token's {@code aud} must name that endpoint's URL. On success the caller is handed to {@code onVerified} (which
 * records it for the audit).
 */
public final class EndpointAuthenticationResolver implements AuthenticationManagerResolver<HttpServletRequest> {
  private final JwtVerifier verifier;
  private final Function<HttpServletRequest, String> endpointUrl;
  private final BiConsumer<HttpServletRequest, VerifiedCaller> onVerified;

  public EndpointAuthenticationResolver(JwtVerifier verifier, Function<HttpServletRequest, String> endpointUrl,
      BiConsumer<HttpServletRequest, VerifiedCaller> onVerified) {
    this.verifier = verifier;
    this.endpointUrl = endpointUrl;
    this.onVerified = onVerified;
  }

  @Override
  public AuthenticationManager resolve(HttpServletRequest request) {
    return authentication -> {
      String token = ((BearerTokenAuthenticationToken) authentication).getToken();
      VerifiedCaller caller = verifier.verify(token, endpointUrl.apply(request));
      onVerified.accept(request, caller);
      return new CdsClientAuthentication(caller);
    };
  }
}
