package org.metastasectomy.cds.security;

import java.io.Serializable;

/** The CDS client a token proved to be: its issuer, the tenant it named (may be null) and the token's id. */
public record VerifiedCaller(String issuer, String tenant, String jti) implements Serializable {}
