package org.metastasectomy.cds.security;

import org.springframework.security.core.AuthenticationException;

/**
 * A token that failed verification. The message is for the log only (never the response) and holds no part of the
 * token; {@code iss}, {@code kid} and {@code jti} are as the token claimed them, before or after verification.
 */
public final class JwtRejectedException extends AuthenticationException {
  private final RejectionReason reason;
  private final transient TokenLabels labels;

  JwtRejectedException(RejectionReason reason, String detail, TokenLabels labels) {
    super(detail);
    this.reason = reason;
    this.labels = labels;
  }

  public RejectionReason reason() {
    return reason;
  }

  public TokenLabels labels() {
    return labels;
  }
}
