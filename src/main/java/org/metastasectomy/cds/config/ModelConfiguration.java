package org.metastasectomy.cds.config;

import org.metastasectomy.cds.cards.DraftResources;
import org.metastasectomy.cds.cards.OrderCardBuilder;
import org.metastasectomy.cds.cards.TumourBoardCardBuilder;
import org.metastasectomy.cds.knowledge.KnowledgeBase;
import org.metastasectomy.cds.knowledge.KnowledgeLoader;
import org.metastasectomy.cds.knowledge.ServiceCatalogue;
import org.metastasectomy.cds.model.Assessor;
import org.metastasectomy.cds.model.OrderRules;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Knowledge, model and card builders. The knowledge files are loaded and validated here: invalid files stop the start. */
@Configuration(proxyBeanMethods = false)
class ModelConfiguration {
  @Bean
  KnowledgeBase knowledgeBase() {
    return KnowledgeLoader.loadFromClasspath();
  }

  /** Health component "knowledge" (readiness group). */
  @Bean
  KnowledgeHealthIndicator knowledgeHealthIndicator(KnowledgeBase knowledge) {
    return new KnowledgeHealthIndicator(knowledge);
  }

  @Bean
  ServiceCatalogue serviceCatalogue() {
    return ServiceCatalogue.loadFromClasspath();
  }

  @Bean
  Assessor assessor(KnowledgeBase knowledge) {
    return new Assessor(knowledge.model());
  }

  @Bean
  OrderRules orderRules(KnowledgeBase knowledge) {
    return new OrderRules(knowledge.model());
  }

  @Bean
  DraftResources draftResources() {
    // LOINC 24627-2 "Chest CT" (fhir-profiles/ValueSet-ct-chest-orders.json): contrast is left to the radiologist.
    return new DraftResources(new DraftResources.ChestCtOrder("http://loinc.org", "24627-2", "Chest CT"));
  }

  @Bean
  TumourBoardCardBuilder tumourBoardCardBuilder(KnowledgeBase knowledge, DraftResources drafts) {
    return new TumourBoardCardBuilder(knowledge, drafts);
  }

  @Bean
  OrderCardBuilder orderCardBuilder(KnowledgeBase knowledge, DraftResources drafts) {
    return new OrderCardBuilder(knowledge, drafts);
  }
}
