package org.metastasectomy.cds.security;

import java.util.List;
import org.springframework.security.authentication.AbstractAuthenticationToken;

/** An authenticated CDS client. Holds who it is, never the token it presented. */
public final class CdsClientAuthentication extends AbstractAuthenticationToken {
  private final VerifiedCaller caller;

  CdsClientAuthentication(VerifiedCaller caller) {
    super(List.of());
    this.caller = caller;
    setAuthenticated(true);
  }

  @Override
  public Object getCredentials() {
    return null;
  }

  @Override
  public VerifiedCaller getPrincipal() {
    return caller;
  }

  @Override
  public String getName() {
    return caller.issuer();
  }
}
