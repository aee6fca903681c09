package org.metastasectomy.cds.architecture;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.Test;

/**
 * Each architecture rule fails on a class that breaks it: the rules are applied to the small package tree
 * {@code architecture.violations} (test fixtures laid out like the service's packages), where every rule has an
 * offender. A rule that could not fail here would not protect the service either.
 */
class ArchitectureRulesCanFailTest {
  private static final String BASE = "org.metastasectomy.cds.architecture.violations";
  private static final JavaClasses CLASSES = new ClassFileImporter().importPackages(BASE);
  private static final ArchitectureRules RULES = new ArchitectureRules(BASE);

  @Test
  void theModelRuleCatchesALoggerAnotherPackageAndIo() {
    assertThatThrownBy(() -> RULES.modelIsPlainJava().check(CLASSES))
        .hasMessageContaining("LogsAndReadsFhir").hasMessageContaining("org.slf4j").hasMessageContaining("FhirReader")
        .hasMessageContaining("java.net.http.HttpClient");
  }

  @Test
  void theHapiRuleCatchesHapiInHooks() {
    assertThatThrownBy(() -> RULES.hapiOnlyInIntakeAndReading().check(CLASSES))
        .hasMessageContaining("ParsesWithHapi").hasMessageContaining("org.hl7.fhir.r4.model.Bundle");
  }

  @Test
  void theCardsRuleCatchesCardsReadingFhir() {
    assertThatThrownBy(() -> RULES.cardsNeverReadFhir().check(CLASSES)).hasMessageContaining("ReadsFhir");
  }

  @Test
  void theCycleRuleCatchesTwoPackagesThatUseEachOther() {
    assertThatThrownBy(() -> RULES.noCycles().check(CLASSES)).hasMessageContaining("Cycle");
  }

  @Test
  void theAllowListsCatchWhatTheyDoNotName() {
    assertThatThrownBy(() -> RULES.allowLists().get("cards").check(CLASSES)).hasMessageContaining("ReadsFhir");
    assertThatThrownBy(() -> RULES.allowLists().get("hooks").check(CLASSES)).hasMessageContaining("ParsesWithHapi");
    assertThatThrownBy(() -> RULES.allowLists().get("feedback").check(CLASSES)).hasMessageContaining("Reads");
  }
}
