package org.metastasectomy.cds.config;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.EnumSet;
import java.util.List;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.DelegatingFilterProxyRegistrationBean;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.security.config.annotation.web.configuration.WebSecurityCustomizer;
import org.springframework.security.web.context.AbstractSecurityWebApplicationInitializer;
import org.springframework.web.context.WebApplicationContext;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.filter.CorsFilter;
import org.springframework.web.filter.DelegatingFilterProxy;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * With client authentication off, the CDS Hooks endpoints have nothing for Spring Security to check: they bypass its
 * filter chain (a measurable share of every order-select hook) and get CORS from a plain servlet filter instead. With
 * {@code cds.security.jwt.enabled=true} this configuration is absent and every call goes through the JWT checks.
 *
 * <p>Spring Boot registers the security filter for every path; here that registration is switched off and the filter is
 * registered again, at the same order, behind {@link SecurityExceptCdsEndpoints}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "cds.security.jwt.enabled", havingValue = "false", matchIfMissing = true)
class OpenCdsEndpoints {
  private static final String[] CDS_ENDPOINTS = {"/cds-services", "/cds-services/**"};

  @Bean
  WebSecurityCustomizer cdsEndpointsBypassSecurity() {
    return web -> web.ignoring().requestMatchers(CDS_ENDPOINTS);
  }

  /** Switches off Spring Boot's registration of the security filter for every path (registered below instead). */
  @Bean
  static BeanPostProcessor securityFilterRegisteredBelow() {
    return new BeanPostProcessor() {
      @Override
      public Object postProcessAfterInitialization(Object bean, String name) {
        // the name of Spring Boot's bean (SecurityFilterAutoConfiguration); OpenCdsEndpointsIT fails if it changes
        if (bean instanceof DelegatingFilterProxyRegistrationBean registration && "securityFilterChainRegistration".equals(name)) {
          registration.setEnabled(false);
        }
        return bean;
      }
    };
  }

  @Bean
  FilterRegistrationBean<SecurityExceptCdsEndpoints> securityExceptCdsEndpoints(ApplicationContext context, SecurityProperties security) {
    DelegatingFilterProxy chain = new DelegatingFilterProxy(AbstractSecurityWebApplicationInitializer.DEFAULT_FILTER_NAME,
        (WebApplicationContext) context);
    FilterRegistrationBean<SecurityExceptCdsEndpoints> registration = new FilterRegistrationBean<>(new SecurityExceptCdsEndpoints(chain));
    registration.setOrder(security.getFilter().getOrder());
    if (security.getFilter().getDispatcherTypes() != null) {
      EnumSet<DispatcherType> types = EnumSet.noneOf(DispatcherType.class);
      security.getFilter().getDispatcherTypes().forEach(t -> types.add(DispatcherType.valueOf(t.name())));
      registration.setDispatcherTypes(types);
    }
    return registration;
  }

  @Bean
  FilterRegistrationBean<CorsFilter> cdsEndpointsCors(@Qualifier("corsConfigurationSource") CorsConfigurationSource cors) {
    FilterRegistrationBean<CorsFilter> registration = new FilterRegistrationBean<>(new CorsFilter(cors));
    registration.setUrlPatterns(List.of("/cds-services", "/cds-services/*"));
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
    return registration;
  }

  /** The two headers Spring Security would have added that matter for patient data: never cached, never sniffed. */
  @Bean
  FilterRegistrationBean<OncePerRequestFilter> cdsEndpointsHeaders() {
    OncePerRequestFilter headers = new OncePerRequestFilter() {
      @Override
      protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
          throws ServletException, IOException {
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("X-Content-Type-Options", "nosniff");
        chain.doFilter(request, response);
      }
    };
    FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(headers);
    registration.setUrlPatterns(List.of("/cds-services", "/cds-services/*"));
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 11);
    return registration;
  }
}
