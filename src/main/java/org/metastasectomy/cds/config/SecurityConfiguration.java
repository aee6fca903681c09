package org.metastasectomy.cds.config;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;

/** HTTP security: CORS for browser clients (the CDS Hooks Sandbox), stateless, no sessions or CSRF tokens. */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {
  private static final Logger log = LoggerFactory.getLogger(SecurityConfiguration.class);

  @Bean
  SecurityFilterChain securityFilterChain(HttpSecurity http, CdsProperties props) throws Exception {
    if (!props.security().jwt().enabled()) {
      log.warn("*** CDS client authentication is OFF (cds.security.jwt.enabled=false): any caller can invoke this service. "
          + "Enable it before connecting real patient data. ***");
    }
    http.csrf(c -> c.disable())
        .cors(Customizer.withDefaults())
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .httpBasic(b -> b.disable())
        .formLogin(f -> f.disable())
        .authorizeHttpRequests(a -> a.anyRequest().permitAll());
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
