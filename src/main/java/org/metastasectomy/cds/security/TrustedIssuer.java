package org.metastasectomy.cds.security;

import com.nimbusds.jwt.proc.JWTProcessor;
import java.util.Set;

/** An issuer on the allowlist, with the Nimbus processor that checks signatures against its keys only. */
record TrustedIssuer(String iss, String jwksUri, Set<String> tenants, JWTProcessor<ExpectedAudience> processor) {}
