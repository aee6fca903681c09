package org.metastasectomy.cds.config;

import org.apache.catalina.Host;
import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** Tomcat answers its own errors with an OperationOutcome (JsonErrorReportValve), never with its HTML page. */
@Configuration(proxyBeanMethods = false)
class ErrorResponsesConfiguration {

  @Bean
  JsonErrorReports jsonErrorReports() {
    return new JsonErrorReports();
  }

  /** Replaces the host's error report valve; ordered after Spring Boot's customizer, which adds its own. */
  static final class JsonErrorReports implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {
    @Override
    public void customize(TomcatServletWebServerFactory factory) {
      factory.addContextCustomizers(context -> {
        Host host = (Host) context.getParent();
        for (Valve valve : host.getPipeline().getValves()) {
          if (valve instanceof ErrorReportValve && !(valve instanceof JsonErrorReportValve)) {
            host.getPipeline().removeValve(valve);
          }
        }
        if (host instanceof StandardHost standard) {
          standard.setErrorReportValveClass(JsonErrorReportValve.class.getName());
        }
        host.getPipeline().addValve(new JsonErrorReportValve());
      });
    }

    @Override
    public int getOrder() {
      return Ordered.LOWEST_PRECEDENCE;
    }
  }
}
