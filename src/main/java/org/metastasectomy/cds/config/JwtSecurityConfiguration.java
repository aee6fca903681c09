package org.metastasectomy.cds.config;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.metastasectomy.cds.security.CdsBearerTokenResolver;
import org.metastasectomy.cds.security.EndpointAuthenticationResolver;
import org.metastasectomy.cds.security.IssuerSettings;
import org.metastasectomy.cds.security.JwksSettings;
import org.metastasectomy.cds.security.JwtVerifier;
import org.metastasectomy.cds.security.ReplayGuard;
import org.metastasectomy.cds.security.SilentUnauthorizedEntryPoint;
import org.metastasectomy.cds.security.TokenRules;
import org.metastasectomy.cds.security.TrustedIssuers;
import org.metastasectomy.cds.hooks.CallerAttributes;
import org.metastasectomy.cds.hooks.PublicUrls;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.jdbc.core.simple.JdbcClient;

/** JWT authentication of the calling EHR, present only when {@code cds.security.jwt.enabled=true}. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "cds.security.jwt", name = "enabled", havingValue = "true")
class JwtSecurityConfiguration {
  private static final Logger log = LoggerFactory.getLogger(JwtSecurityConfiguration.class);

  /** The pieces SecurityConfiguration plugs into Spring Security's bearer-token support. */
  record CdsJwtAuthentication(EndpointAuthenticationResolver resolver, CdsBearerTokenResolver tokens,
      SilentUnauthorizedEntryPoint entryPoint) {}

  @Bean
  TrustedIssuers trustedIssuers(CdsProperties props, Clock clock, Environment env) {
    CdsProperties.Jwt jwt = props.security().jwt();
    TrustedIssuers issuers = TrustedIssuers.build(
        jwt.issuers().stream().map(i -> new IssuerSettings(i.iss(), i.jwksUri(), i.jwksFile(), i.tenants())).toList(),
        new TokenRules(jwt.algorithms(), jwt.clockSkew(), jwt.maxLifetime()),
        new JwksSettings(jwt.jwksConnectTimeout(), jwt.jwksReadTimeout(), jwt.jwksCacheTtl(), jwt.jwksMinRefreshInterval()),
        clock, env.acceptsProfiles(Profiles.of("prod")));
    if (issuers.size() == 0) {
      log.warn("*** CDS client authentication is ON but no issuer is trusted (cds.security.jwt.issuers is empty): "
          + "every CDS call will be refused with 401. ***");
    } else {
      log.info("CDS client authentication is ON: trusted issuers {}, algorithms {}, clock skew {}, max token lifetime {}",
          jwt.issuers().stream().map(CdsProperties.Issuer::iss).toList(), jwt.algorithms(), jwt.clockSkew(), jwt.maxLifetime());
    }
    if (props.security().publicBaseUrl().isBlank()) {
      log.warn("cds.security.public-base-url is blank: token audiences are checked against the URL as this server sees it "
          + "(Host header). Set it to the URL the EHR calls when the service runs behind a reverse proxy.");
    }
    return issuers;
  }

  @Bean
  ReplayGuard replayGuard(JdbcClient jdbc, Clock clock) {
    return new ReplayGuard(jdbc, clock);
  }

  @Bean
  JwtVerifier jwtVerifier(TrustedIssuers issuers, ReplayGuard replays, CdsProperties props) {
    return new JwtVerifier(issuers, replays, props.security().jwt().clockSkew());
  }

  @Bean
  CdsJwtAuthentication cdsJwtAuthentication(JwtVerifier verifier, PublicUrls urls, MeterRegistry metrics, CdsProperties props) {
    EndpointAuthenticationResolver resolver = new EndpointAuthenticationResolver(verifier, new EndpointAudience(urls),
        (request, caller) -> {
          request.setAttribute(CallerAttributes.ISSUER, caller.issuer());
          if (caller.tenant() != null) {
            request.setAttribute(CallerAttributes.TENANT, caller.tenant());
          }
        });
    SilentUnauthorizedEntryPoint entryPoint = new SilentUnauthorizedEntryPoint(metrics, props.limits().maxBody().toBytes());
    return new CdsJwtAuthentication(resolver, new CdsBearerTokenResolver(), entryPoint);
  }
}
