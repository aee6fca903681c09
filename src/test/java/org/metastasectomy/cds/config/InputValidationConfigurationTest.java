package org.metastasectomy.cds.config;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.metastasectomy.cds.intake.InputCheck;
import org.metastasectomy.cds.intake.InputValidator;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.validation.ValidationAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

class InputValidationConfigurationTest {
  @Configuration(proxyBeanMethods = false)
  @EnableConfigurationProperties(CdsProperties.class)
  static class Basics {
    @Bean
    FhirContext fhirContext() {
      return FhirContext.forR4Cached();
    }

    @Bean
    ObjectMapper objectMapper() {
      return new ObjectMapper();
    }
  }

  private final ApplicationContextRunner runner = new ApplicationContextRunner()
      .withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
      .withUserConfiguration(Basics.class, InputValidationConfiguration.class);

  @Test
  void offByDefault() {
    runner.run(ctx -> assertThat(ctx.getBean(InputCheck.class)).isSameAs(InputCheck.OFF));
  }

  @Test
  void warnValidatesAgainstThePackagedProfiles() {
    runner.withPropertyValues("cds.fhir.validate-input=warn")
        .run(ctx -> assertThat(ctx.getBean(InputCheck.class)).isInstanceOf(InputValidator.class));
  }

  @Test
  void anUnknownModeStopsTheStart() {
    runner.withPropertyValues("cds.fhir.validate-input=strict").run(ctx -> assertThat(ctx).getFailure()
        .rootCause().hasMessageContaining("strict").hasMessageContaining("InputValidation"));
  }

  @Test
  void yamlsBooleanOffStillMeansOff() {
    // unquoted `off` in YAML 1.1 is the boolean false
    runner.withPropertyValues("cds.fhir.validate-input=false").run(ctx -> assertThat(ctx.getBean(InputCheck.class)).isSameAs(InputCheck.OFF));
  }

  @Test
  void thePackagedContractHoldsTheConformanceResourcesAndTheExamplesApart() throws Exception {
    assertThat(FhirProfileFiles.conformanceResources().keySet())
        .containsExactlyInAnyOrderElementsOf(jsonFilesIn(Path.of("fhir-profiles")))
        .allMatch(f -> f.startsWith("StructureDefinition-") || f.startsWith("ValueSet-") || f.startsWith("CodeSystem-"));
    assertThat(FhirProfileFiles.examples().keySet())
        .containsExactlyInAnyOrderElementsOf(jsonFilesIn(Path.of("fhir-profiles/examples")));
  }

  private static List<String> jsonFilesIn(Path dir) throws Exception {
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(f -> f.getFileName().toString()).filter(f -> f.endsWith(".json")).toList();
    }
  }
}
