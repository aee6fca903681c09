package org.metastasectomy.cds.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** The invariants of docs/architecture.md on the production classes (ArchitectureRulesCanFailTest shows each can fail). */
class ArchitectureTest {
  private static final String BASE = "org.metastasectomy.cds";
  private static final JavaClasses CLASSES = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages(BASE);
  private static final ArchitectureRules RULES = new ArchitectureRules(BASE);

  @Test
  void theModelIsPlainJava() {
    RULES.modelIsPlainJava().check(CLASSES);
  }

  @Test
  void hapiStaysInIntakeReadingConfigAndTheCommand() {
    RULES.hapiOnlyInIntakeAndReading().check(CLASSES);
  }

  @Test
  void cardsNeverReadFhir() {
    RULES.cardsNeverReadFhir().check(CLASSES);
  }

  @Test
  void packagesHaveNoCycles() {
    RULES.noCycles().check(CLASSES);
  }

  @Test
  void theEntryPointsUseOnlyWhatTheyNeed() {
    RULES.entryPointsAllowList().check(CLASSES);
  }

  @TestFactory
  Stream<DynamicTest> eachPackageDependsOnlyOnWhatItsAllowListNames() {
    Map<String, ArchRule> rules = RULES.allowLists();
    return rules.entrySet().stream().map(e -> DynamicTest.dynamicTest(e.getKey(), () -> e.getValue().check(CLASSES)));
  }
}
