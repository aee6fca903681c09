/**
 * Authentication of the calling EHR (CDS Hooks §Trusting CDS Clients): JWT verification against trusted issuers and
 * their keys, algorithm and claims policy, replay protection, and the Spring Security wiring of the CDS endpoints.
 */
package org.metastasectomy.cds.security;
