package org.metastasectomy.cds.security;

import java.util.List;

/** One entry of {@code cds.security.jwt.issuers}, as configured. */
public record IssuerSettings(String iss, String jwksUri, String jwksFile, List<String> tenants) {}
