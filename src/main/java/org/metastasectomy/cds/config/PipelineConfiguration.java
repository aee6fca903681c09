package org.metastasectomy.cds.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.List;
import org.metastasectomy.cds.audit.HookAudit;
import org.metastasectomy.cds.cards.OrderCardBuilder;
import org.metastasectomy.cds.cards.TumourBoardCardBuilder;
import org.metastasectomy.cds.feedback.Suppression;
import org.metastasectomy.cds.hooks.HookHandler;
import org.metastasectomy.cds.hooks.HookPipeline;
import org.metastasectomy.cds.hooks.JsonBodyReader;
import org.metastasectomy.cds.hooks.OrderHandler;
import org.metastasectomy.cds.hooks.PatientSteps;
import org.metastasectomy.cds.hooks.PatientViewHandler;
import org.metastasectomy.cds.hooks.PublicUrls;
import org.metastasectomy.cds.intake.InputCheck;
import org.metastasectomy.cds.intake.PrefetchResolver;
import org.metastasectomy.cds.knowledge.ServiceCatalogue;
import org.metastasectomy.cds.model.Assessor;
import org.metastasectomy.cds.model.OrderRules;
import org.metastasectomy.cds.reading.DraftOrderReader;
import org.metastasectomy.cds.reading.PatientFeatureMapper;
import org.metastasectomy.cds.reading.PatientRecords;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The hook pipeline: the shared patient steps, one handler per hook, and the request limits and URLs around them. */
@Configuration(proxyBeanMethods = false)
class PipelineConfiguration {
  @Bean
  Clock clock() {
    return Clock.systemDefaultZone();
  }

  @Bean
  PatientSteps patientSteps(PrefetchResolver resolver, InputCheck inputCheck, PatientRecords records,
      PatientFeatureMapper mapper, Assessor assessor, Clock clock) {
    return new PatientSteps(resolver, inputCheck, records, mapper, assessor, clock);
  }

  @Bean
  PatientViewHandler patientViewHandler(PatientSteps steps, Suppression suppression, TumourBoardCardBuilder cards) {
    return new PatientViewHandler(steps, suppression, cards);
  }

  @Bean
  OrderHandler orderHandler(PatientSteps steps, DraftOrderReader draftOrders, OrderRules rules, OrderCardBuilder cards) {
    return new OrderHandler(steps, draftOrders, rules, cards);
  }

  @Bean
  HookPipeline hookPipeline(List<HookHandler> handlers, ServiceCatalogue services, HookAudit audit, MeterRegistry metrics) {
    return new HookPipeline(handlers, services, audit, metrics);
  }

  @Bean
  JsonBodyReader jsonBodyReader(ObjectMapper json, CdsProperties props) {
    return new JsonBodyReader(json, props.limits().maxBody().toBytes(), props.limits().maxNestingDepth(), props.limits().maxStringLength());
  }

  @Bean
  PublicUrls publicUrls(CdsProperties props) {
    return new PublicUrls(props.security().publicBaseUrl());
  }
}
