package org.metastasectomy.cds.config;

import io.micrometer.observation.ObservationPredicate;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.server.observation.ServerRequestObservationContext;

/**
 * Hook calls ({@code POST /cds-services/{id}}) are timed once, by {@code cds_hook_seconds} per service and status
 * (hooks.HookMetrics), not a second time by Spring's {@code http.server.requests}: that observation was ≈ 5 % of an
 * order-select call's CPU (issue 17). Every other endpoint, feedback included, keeps {@code http_server_requests_seconds}.
 */
@Configuration(proxyBeanMethods = false)
class HookCallObservations {
  private static final String PREFIX = "/cds-services/";

  @Bean
  ObservationPredicate hookCallsTimedByCdsHookSeconds() {
    return (name, context) -> !(context instanceof ServerRequestObservationContext server && isHookCall(server.getCarrier()));
  }

  /** {@code POST /cds-services/{id}}: one path segment after the prefix (feedback has two). */
  static boolean isHookCall(HttpServletRequest request) {
    String uri = request.getRequestURI();
    return "POST".equals(request.getMethod()) && uri.startsWith(PREFIX) && uri.length() > PREFIX.length()
        && uri.indexOf('/', PREFIX.length()) < 0;
  }
}
