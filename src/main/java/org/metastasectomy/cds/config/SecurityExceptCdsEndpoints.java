package org.metastasectomy.cds.config;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.regex.Pattern;

/**
 * Spring Security's filter chain for every request except the CDS Hooks endpoints, used when client authentication is
 * off. {@code web.ignoring()} alone still sends each hook call through the chain's firewall, its observation and the
 * MVC handler lookup it caches for its matchers: a tenth of an order-select hook's cost, to check nothing.
 *
 * <p>Only a plain path is let past (letters, digits, {@code - _ .}, no dot-only segment, no encoding, no {@code ;}),
 * compared on the raw request URI: anything a firewall would have to judge still goes through Spring Security.
 */
final class SecurityExceptCdsEndpoints implements Filter {
  private static final Pattern CDS_ENDPOINT =
      Pattern.compile("/cds-services(/(?!\\.+(/|$))[A-Za-z0-9_.-]{1,128}(/feedback)?)?");

  private final Filter security;

  SecurityExceptCdsEndpoints(Filter security) {
    this.security = security;
  }

  @Override
  public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain) throws IOException, ServletException {
    if (request instanceof HttpServletRequest http && isCdsEndpoint(http)) {
      chain.doFilter(request, response);
    } else {
      security.doFilter(request, response, chain);
    }
  }

  static boolean isCdsEndpoint(HttpServletRequest http) {
    String uri = http.getRequestURI();
    String context = http.getContextPath();
    if (uri == null || context == null || !uri.startsWith(context)) {
      return false;
    }
    return CDS_ENDPOINT.matcher(uri.substring(context.length())).matches();
  }
}
