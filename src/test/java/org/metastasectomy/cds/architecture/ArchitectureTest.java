package org.metastasectomy.cds.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The layer rules of architecture.md: data flows one way and the model stays pure Java. */
class ArchitectureTest {
  private static final String BASE = "org.metastasectomy.cds";
  private static final JavaClasses CLASSES = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages(BASE);

  @Test
  void modelImportsNothingFromFhirSpringJacksonOrHttp() {
    noClasses().that().resideInAPackage(BASE + ".model..")
        .should().dependOnClassesThat().resideInAnyPackage(
            "org.hl7..", "ca.uhn..", "org.springframework..", "com.fasterxml..", "jakarta..", BASE + ".intake..",
            BASE + ".reading..", BASE + ".hooks..", BASE + ".transparency..", BASE + ".cards..", BASE + ".knowledge..",
            BASE + ".audit..", BASE + ".config..")
        .check(CLASSES);
  }

  @Test
  void evidenceIsPureJava() {
    noClasses().that().resideInAPackage(BASE + ".evidence..")
        .should().dependOnClassesThat().resideInAnyPackage("org.hl7..", "ca.uhn..", "org.springframework..", "com.fasterxml..")
        .check(CLASSES);
  }

  /** HAPI's R4 model stays in the FHIR-facing layers (and the load-examples command beside the application class). */
  @Test
  void onlyTheFhirAndCardsLayersTouchHapiModelClasses() {
    noClasses().that().resideOutsideOfPackages(BASE + ".intake..", BASE + ".reading..", BASE + ".cards..", BASE + ".hooks..",
            BASE + ".config..", BASE)
        .should().dependOnClassesThat().resideInAPackage("org.hl7.fhir.r4.model..")
        .check(CLASSES);
  }

  @Test
  void protocolRecordsDependOnlyOnJacksonAnnotationsAndTheJdk() {
    noClasses().that().resideInAPackage(BASE + ".cdshooks..")
        .should().dependOnClassesThat().resideInAnyPackage("org.hl7..", "ca.uhn..", "org.springframework..", BASE + ".model..")
        .check(CLASSES);
  }

  @Test
  void lowerLayersNeverCallTheEndpoints() {
    noClasses().that().resideInAnyPackage(BASE + ".model..", BASE + ".intake..", BASE + ".reading..", BASE + ".cards..",
            BASE + ".knowledge..", BASE + ".audit..", BASE + ".evidence..", BASE + ".security..", BASE + ".transparency..")
        .should().dependOnClassesThat().resideInAPackage(BASE + ".hooks..")
        .check(CLASSES);
  }

  @Test
  void packagesHaveNoCycles() {
    slices().matching(BASE + ".(*)..").should().beFreeOfCycles().check(CLASSES);
  }
}
