package org.metastasectomy.cds.security;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;

/**
 * Answers a refused CDS call with 401, a bare {@code WWW-Authenticate: Bearer} and no body: the CDS Hooks best
 * practices recommend telling the caller nothing about why. The reason goes to the log (with iss, kid and jti, never
 * the token) and to the {@code cds.jwt.rejections} counter.
 */
public final class SilentUnauthorizedEntryPoint implements AuthenticationEntryPoint {
  private static final Logger log = LoggerFactory.getLogger(SilentUnauthorizedEntryPoint.class);

  private final MeterRegistry metrics;
  private final long maxBody;

  /** @param maxBody the most of a refused request's body that is drained (see {@link BodyDrain}) */
  public SilentUnauthorizedEntryPoint(MeterRegistry metrics, long maxBody) {
    this.metrics = metrics;
    this.maxBody = maxBody;
  }

  @Override
  public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
      throws java.io.IOException {
    RejectionReason reason;
    String detail;
    TokenLabels labels = TokenLabels.NONE;
    if (failure instanceof JwtRejectedException rejected) {
      reason = rejected.reason();
      detail = rejected.getMessage();
      labels = rejected.labels();
    } else if (failure instanceof OAuth2AuthenticationException) {
      reason = RejectionReason.MALFORMED;
      detail = "Authorization header is not a well-formed bearer token";
    } else {
      reason = RejectionReason.MISSING_TOKEN;
      detail = "no bearer token";
    }
    metrics.counter("cds.jwt.rejections", "reason", reason.tag()).increment();
    // Every part but the reason's tag can carry the caller's bytes (alg, typ, aud, the path): escaped, never raw.
    log.warn("CDS client refused ({}) on {} {}: {} [{}]", reason.tag(), LogText.of(request.getMethod()),
        LogText.of(CdsEndpoints.pathWithinApplication(request)), LogText.of(detail), labels);
    response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
    response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
    response.setContentLength(0);
    // The body was never read, and will not be: drained without a thread for a moment, then the connection is closed.
    response.setHeader(HttpHeaders.CONNECTION, "close");
    BodyDrain.after(request, response, maxBody);
  }
}
