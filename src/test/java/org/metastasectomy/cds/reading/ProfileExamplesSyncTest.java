package org.metastasectomy.cds.reading;

import org.metastasectomy.cds.intake.ProfileSelector;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * fhir-profiles/examples/ holds the same patients as cds-hooks/examples/: each file must equal what
 * {@link ExampleBundles} builds from the scenario's request. After changing a request, regenerate them with
 * {@code ./mvnw -o test -Dtest=ProfileExamplesSyncTest -Dexamples.write=true}.
 */
class ProfileExamplesSyncTest {
  private static ProfileSelector selector;

  @BeforeAll
  static void loadContract() {
    selector = ExampleBundles.contract().selector();
  }

  static List<String> scenarios() {
    return ExampleBundles.scenarios();
  }

  @ParameterizedTest
  @MethodSource("scenarios")
  void exampleBundleMatchesTheScenarioRequest(String scenario) {
    JsonNode expected = ExampleBundles.build(scenario, selector);
    Path file = ExampleBundles.fileOf(scenario);
    if (Boolean.getBoolean("examples.write")) {
      ExampleBundles.write(file, expected);
    }
    assertThat(file).as("run with -Dexamples.write=true to create it").exists();
    assertThat(ExampleBundles.tree(file)).as(file + " is out of sync with its request; regenerate it").isEqualTo(expected);
  }

  @ParameterizedTest
  @MethodSource("scenarios")
  void everyReferenceResolvesInsideTheBundle(String scenario) {
    JsonNode bundle = ExampleBundles.build(scenario, selector);
    Set<String> ids = new HashSet<>();
    bundle.path("entry").forEach(e -> ids.add(e.at("/resource/resourceType").asText() + "/" + e.at("/resource/id").asText()));
    // a FHIR server that enforces referential integrity rejects a transaction whose references point nowhere
    assertThat(references(bundle)).isNotEmpty().allSatisfy(ref -> assertThat(ids).contains(ref));
  }

  @Test
  void everyExampleFileBelongsToAScenario() throws IOException {
    try (Stream<Path> files = Files.list(ExampleBundles.EXAMPLES)) {
      assertThat(files.map(f -> f.getFileName().toString().replaceFirst("\\.json$", "")))
          .containsExactlyInAnyOrderElementsOf(ExampleBundles.scenarios());
    }
  }

  @Test
  void theRecordsCarryOurProfilesWhereTheirCodesSayTheyShould() {
    JsonNode bundle = ExampleBundles.build("solitary-lung-favourable", selector);
    assertThat(profilesOf(bundle, "Condition/sl-rcc"))
        .contains("http://metastasectomy-cds.org/fhir/StructureDefinition/mrcc-primary-cancer-condition");
    assertThat(profilesOf(bundle, "Condition/sl-met-lung"))
        .contains("http://metastasectomy-cds.org/fhir/StructureDefinition/mrcc-secondary-cancer-condition");
    assertThat(profilesOf(bundle, "Condition/sl-htn")).noneMatch(p -> p.startsWith("http://metastasectomy-cds.org/"));
    assertThat(profilesOf(bundle, "Procedure/sl-nephrectomy"))
        .contains("http://metastasectomy-cds.org/fhir/StructureDefinition/mrcc-cancer-related-surgical-procedure");
  }

  private static List<String> profilesOf(JsonNode bundle, String key) {
    for (JsonNode e : bundle.path("entry")) {
      if (key.equals(e.at("/resource/resourceType").asText() + "/" + e.at("/resource/id").asText())) {
        List<String> out = new java.util.ArrayList<>();
        e.at("/resource/meta/profile").forEach(p -> out.add(p.asText()));
        return out;
      }
    }
    throw new AssertionError(key + " not in the bundle");
  }

  private static Set<String> references(JsonNode node) {
    Set<String> out = new HashSet<>();
    node.findValues("reference").forEach(r -> out.add(r.asText()));
    return out;
  }
}
