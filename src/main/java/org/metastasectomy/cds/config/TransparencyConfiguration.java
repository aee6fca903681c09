package org.metastasectomy.cds.config;

import org.metastasectomy.cds.knowledge.KnowledgeBase;
import org.metastasectomy.cds.knowledge.ServiceCatalogue;
import org.metastasectomy.cds.transparency.TransparencyPages;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The transparency pages, rendered at start-up from the knowledge, the service descriptors and the look-back setting. */
@Configuration(proxyBeanMethods = false)
class TransparencyConfiguration {
  @Bean
  TransparencyPages transparencyPages(KnowledgeBase knowledge, ServiceCatalogue services, CdsProperties props) {
    return new TransparencyPages(knowledge, services.all(), props.model().lookbackDays());
  }
}
