package org.metastasectomy.cds.config;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.metastasectomy.cds.intake.FhirServerPolicy;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

/**
 * Under the {@code prod} profile, refuses to start a service that would take calls from anyone or send patient tokens
 * over plain http: client authentication on with at least one trusted issuer, an https public base URL (the token
 * audience must not depend on the caller's Host header), and https FHIR servers only.
 */
@Configuration(proxyBeanMethods = false)
@Profile("prod")
class ProductionReadiness {

  ProductionReadiness(CdsProperties props) {
    List<String> problems = problems(props);
    if (!problems.isEmpty()) {
      throw new IllegalStateException("Refusing to start under the prod profile:\n - " + String.join("\n - ", problems));
    }
  }

  static List<String> problems(CdsProperties props) {
    List<String> out = new ArrayList<>();
    CdsProperties.Security security = props.security();
    if (!security.jwt().enabled()) {
      out.add("cds.security.jwt.enabled must be true (CDS_SECURITY_JWT_ENABLED=true)");
    }
    if (security.jwt().issuers().isEmpty()) {
      out.add("no trusted issuer: set cds.security.jwt.issuers[0].iss with jwks-uri or jwks-file "
          + "(CDS_SECURITY_JWT_ISSUERS_0_ISS, CDS_SECURITY_JWT_ISSUERS_0_JWKS_URI)");
    }
    if (!isHttps(security.publicBaseUrl())) {
      out.add("cds.security.public-base-url must be the https URL the EHR calls (CDS_SECURITY_PUBLIC_BASE_URL); it is the "
          + "token audience");
    }
    List<String> servers = props.fhir().allowedServers();
    for (int i = 0; i < servers.size(); i++) {
      for (String name : FhirServerPolicy.names(servers.get(i))) {
        if (!isHttps(name)) {
          out.add("cds.fhir.allowed-servers[" + i + "] must be https: " + name);
        }
      }
    }
    return out;
  }

  private static boolean isHttps(String url) {
    if (url == null || url.isBlank()) {
      return false;
    }
    try {
      URI uri = URI.create(url.trim());
      return uri.getScheme() != null && uri.getScheme().toLowerCase(Locale.ROOT).equals("https") && uri.getHost() != null;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}
