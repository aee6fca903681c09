package org.metastasectomy.cds.config;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;

/**
 * HTTP security: CORS for browser clients (the CDS Hooks Sandbox), stateless, no sessions or CSRF tokens. With
 * {@code cds.security.jwt.enabled} every CDS Hooks call (discovery, service, feedback) needs a verified bearer JWT;
 * CORS preflights, actuator probes and the HTML pages stay open. Without it, everything is open and the log says so.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {
  private static final Logger log = LoggerFactory.getLogger(SecurityConfiguration.class);
  private static final String[] CDS_ENDPOINTS = {"/cds-services", "/cds-services/**"};

  @Bean
  SecurityFilterChain securityFilterChain(HttpSecurity http, ObjectProvider<JwtSecurityConfiguration.CdsJwtAuthentication> jwt)
      throws Exception {
    http.csrf(c -> c.disable())
        .cors(Customizer.withDefaults())
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .httpBasic(b -> b.disable())
        .formLogin(f -> f.disable())
        .requestCache(c -> c.disable())
        .logout(l -> l.disable());
    JwtSecurityConfiguration.CdsJwtAuthentication auth = jwt.getIfAvailable();
    if (auth == null) {
      log.warn("*** CDS client authentication is OFF (cds.security.jwt.enabled=false): any caller can invoke this service. "
          + "Enable it before connecting real patient data. ***");
      http.authorizeHttpRequests(a -> a.anyRequest().permitAll());
      return http.build();
    }
    http.authorizeHttpRequests(a -> a.requestMatchers(CDS_ENDPOINTS).authenticated().anyRequest().permitAll())
        .oauth2ResourceServer(o -> o.authenticationManagerResolver(auth.resolver())
            .bearerTokenResolver(auth.tokens())
            .authenticationEntryPoint(auth.entryPoint()))
        .exceptionHandling(e -> e.authenticationEntryPoint(auth.entryPoint()));
    return http.build();
  }

  @Bean
  CorsConfigurationSource corsConfigurationSource(CdsProperties props) {
    CorsConfiguration cors = new CorsConfiguration();
    cors.setAllowedOriginPatterns(props.cors().allowedOrigins());
    cors.setAllowedMethods(List.of("GET", "POST", "OPTIONS"));
    cors.setAllowedHeaders(List.of("Authorization", "Content-Type"));
    cors.setMaxAge(3600L);
    UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
    source.registerCorsConfiguration("/cds-services/**", cors);
    source.registerCorsConfiguration("/cds-services", cors);
    return source;
  }
}
