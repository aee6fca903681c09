package org.metastasectomy.cds.config;

import java.time.Clock;
import java.time.Duration;
import org.metastasectomy.cds.audit.PatientHasher;
import org.metastasectomy.cds.feedback.SuppressionEndpoint;
import org.metastasectomy.cds.feedback.SuppressionRepository;
import org.metastasectomy.cds.security.OperatorCredentials;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.actuate.autoconfigure.security.servlet.EndpointRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The operator's actuator endpoint {@code suppression} and its own security chain, ahead of every other: HTTP Basic
 * with the operator account, in every mode (open or JWT), on the server or the management port. Without
 * cds.operator.password nobody gets in.
 */
@Configuration(proxyBeanMethods = false)
class OperatorAccess {
  private static final Logger log = LoggerFactory.getLogger(OperatorAccess.class);

  @Bean
  SuppressionEndpoint suppressionEndpoint(SuppressionRepository suppressions, PatientHasher hasher, Clock clock, CdsProperties props) {
    return new SuppressionEndpoint(suppressions, hasher::hash, clock, Duration.ofDays(props.feedback().suppressionDays()));
  }

  @Bean
  @Order(1)
  SecurityFilterChain operatorSecurityFilterChain(HttpSecurity http, CdsProperties props) throws Exception {
    OperatorCredentials operator = new OperatorCredentials(props.operator().username(), props.operator().password());
    if (!operator.enabled()) {
      log.info("operator endpoint /actuator/suppression refuses every caller: cds.operator.password is not set");
    }
    http.securityMatcher(EndpointRequest.to(SuppressionEndpoint.class))
        .csrf(c -> c.disable())
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .requestCache(c -> c.disable())
        .formLogin(f -> f.disable())
        .logout(l -> l.disable())
        .authenticationManager(operator)
        .httpBasic(b -> b.realmName("cds-operator"))
        .authorizeHttpRequests(a -> a.anyRequest().hasRole(OperatorCredentials.ROLE));
    return http.build();
  }
}
