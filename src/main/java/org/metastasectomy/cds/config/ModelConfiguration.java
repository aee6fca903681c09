package org.metastasectomy.cds.config;

import ca.uhn.fhir.context.FhirContext;
import java.util.Optional;
import java.util.Set;
import org.metastasectomy.cds.cards.DraftResources;
import org.metastasectomy.cds.cards.OrderCardBuilder;
import org.metastasectomy.cds.cards.TumourBoardCardBuilder;
import org.metastasectomy.cds.reading.DraftOrderReader;
import org.metastasectomy.cds.reading.PatientFeatureMapper;
import org.metastasectomy.cds.reading.ReferenceRangeDefaults;
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
  /** LOINC chest radiograph order codes (fhir-profiles/ValueSet-chest-radiograph-orders.json, sources in its README). */
  static final Set<String> CHEST_RADIOGRAPH_LOINC =
      Set.of("36554-4", "36643-5", "36298-8", "36320-0", "30745-4", "30746-2", "24648-8", "24647-0", "36687-2");

  @Bean
  FhirContext fhirContext() {
    return FhirContext.forR4Cached();
  }

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
  PatientFeatureMapper patientFeatureMapper(CdsProperties props) {
    var ranges = props.model().referenceRanges();
    ReferenceRangeDefaults defaults = (lab, sex) -> {
      CdsProperties.SexRanges r = ranges.get(lab);
      if (r == null) {
        return Optional.empty();
      }
      CdsProperties.Range chosen = "male".equals(sex) && r.male() != null ? r.male()
          : "female".equals(sex) && r.female() != null ? r.female() : r.any();
      return Optional.ofNullable(chosen).map(c -> new ReferenceRangeDefaults.Range(c.low(), c.high()));
    };
    return new PatientFeatureMapper(props.model().lookbackDays(), defaults);
  }

  @Bean
  DraftOrderReader draftOrderReader() {
    return new DraftOrderReader(CHEST_RADIOGRAPH_LOINC);
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
