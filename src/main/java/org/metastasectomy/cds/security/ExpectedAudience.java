package org.metastasectomy.cds.security;

import com.nimbusds.jose.proc.SecurityContext;

/** The endpoint URL being called, which the token's {@code aud} must name; passed through Nimbus to the claims check. */
public record ExpectedAudience(String url) implements SecurityContext {}
