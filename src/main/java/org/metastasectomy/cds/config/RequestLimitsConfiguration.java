package org.metastasectomy.cds.config;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.DispatcherType;
import java.util.List;
import org.metastasectomy.cds.audit.AuditWriter;
import org.metastasectomy.cds.hooks.MemoryBudget;
import org.metastasectomy.cds.hooks.RefusalAudit;
import org.metastasectomy.cds.knowledge.ServiceCatalogue;
import org.metastasectomy.cds.model.Assessor;
import org.metastasectomy.cds.hooks.RequestBodyGate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The limits on requests in flight (issue 15, findings 2 and 4): the memory budget, sized to this JVM's heap, and the
 * gate that receives every CDS Hooks body within it. The gate runs after Spring Security's filter chain (order -100),
 * so with client authentication on only an authenticated caller's body is ever read.
 */
@Configuration(proxyBeanMethods = false)
class RequestLimitsConfiguration {
  private static final Logger log = LoggerFactory.getLogger(RequestLimitsConfiguration.class);

  @Bean
  MemoryBudget requestMemoryBudget(CdsProperties props, MeterRegistry metrics) {
    long heap = Runtime.getRuntime().maxMemory();
    MemoryBudget budget = new MemoryBudget(heap / 100 * props.limits().inFlightHeapPercent());
    long largest = Math.max(props.limits().maxBody().toBytes() * RequestBodyGate.HEAP_PER_BODY_BYTE, 1);
    log.info("requests in flight may take {} MB ({}% of the {} MB heap): {} at once of the largest body ({}), many more of usual size",
        budget.capacity() >> 20, props.limits().inFlightHeapPercent(), heap >> 20, budget.capacity() / largest,
        props.limits().maxBody());
    Gauge.builder("cds.requests.memory.reserved", budget, MemoryBudget::reserved).baseUnit("bytes")
        .description("heap reserved by requests in flight").register(metrics);
    return budget;
  }

  /**
   * A client that asks {@code Expect: 100-continue} is told to send its body only when the service starts reading it
   * (Tomcat's default answers at once): a request refused before that (401, 413, 503 by Content-Length) is refused
   * before its body crosses the network.
   */
  @Bean
  WebServerFactoryCustomizer<TomcatServletWebServerFactory> continueWhenTheBodyIsRead() {
    return factory -> factory.addConnectorCustomizers(connector -> connector.setProperty("continueResponseTiming", "onRead"));
  }

  /** Lets the gate take a body that arrived with its headers at once, without an async cycle (ArrivedBytesValve). */
  @Bean
  WebServerFactoryCustomizer<TomcatServletWebServerFactory> arrivedBytes() {
    return factory -> factory.addContextValves(new ArrivedBytesValve());
  }

  @Bean
  FilterRegistrationBean<RequestBodyGate> requestBodyGate(MemoryBudget budget, CdsProperties props, MeterRegistry metrics,
      ServiceCatalogue services, AuditWriter auditWriter, Assessor assessor) {
    RefusalAudit audit = new RefusalAudit(services, auditWriter, assessor.knowledge().version());
    RequestBodyGate gate = new RequestBodyGate(budget, props.limits().maxBody().toBytes(), props.limits().bodyReadTimeout(),
        metrics, audit);
    FilterRegistrationBean<RequestBodyGate> registration = new FilterRegistrationBean<>(gate);
    registration.setUrlPatterns(List.of("/cds-services/*"));
    registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ASYNC);
    registration.setAsyncSupported(true);
    registration.setOrder(0);
    return registration;
  }
}
