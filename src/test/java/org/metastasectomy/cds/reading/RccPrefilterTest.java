package org.metastasectomy.cds.reading;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Condition;
import org.junit.jupiter.api.Test;

/** The JSON first look may say "maybe" too often, but never "no" for a patient the full reader finds RCC in. */
class RccPrefilterTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final FhirContext FHIR = FhirContext.forR4Cached();

  @Test
  void neverMissesAPrimaryRccTheConditionReaderFinds() throws IOException {
    int withRcc = 0;
    int without = 0;
    try (Stream<Path> files = Files.list(Path.of("src/test/resources/vignettes"))) {
      for (Path file : files.filter(p -> p.toString().endsWith(".json")).toList()) {
        JsonNode conditions = conditionsBundle(JSON.readTree(file.toFile()).get("bundle"));
        Bundle parsed = FHIR.newJsonParser().parseResource(Bundle.class, conditions.toString());
        List<Condition> list = parsed.getEntry().stream().map(e -> (Condition) e.getResource()).toList();
        boolean rcc = ConditionReader.primary(list).isPresent();
        if (rcc) {
          withRcc++;
          assertThat(RccPrefilter.mayHaveRcc(conditions)).as(file.toString()).isTrue();
        } else if (!RccPrefilter.mayHaveRcc(conditions)) {
          without++;
        }
      }
    }
    assertThat(withRcc).isGreaterThan(25);
    assertThat(without).as("patients without RCC answered without parsing").isGreaterThan(0);
  }

  @Test
  void emptyNullAndNonRccBundlesAreNo() {
    assertThat(RccPrefilter.mayHaveRcc(null)).isFalse();
    assertThat(RccPrefilter.mayHaveRcc(JSON.nullNode())).isFalse();
    ObjectNode bundle = JSON.createObjectNode().put("resourceType", "Bundle");
    ObjectNode c = bundle.putArray("entry").addObject().putObject("resource").put("resourceType", "Condition");
    c.putObject("code").putArray("coding").addObject().put("system", "http://hl7.org/fhir/sid/icd-10-cm").put("code", "I10");
    assertThat(RccPrefilter.mayHaveRcc(bundle)).isFalse();
  }

  @Test
  void somethingThatIsNotABundleGoesToTheRealParser() {
    assertThat(RccPrefilter.mayHaveRcc(JSON.createObjectNode().put("resourceType", "Patient"))).isTrue();
    assertThat(RccPrefilter.mayHaveRcc(JSON.createArrayNode())).isTrue();
  }

  private static JsonNode conditionsBundle(JsonNode bundle) {
    ObjectNode out = JSON.createObjectNode().put("resourceType", "Bundle").put("type", "searchset");
    ArrayNode entries = out.putArray("entry");
    for (JsonNode e : bundle.path("entry")) {
      if ("Condition".equals(e.at("/resource/resourceType").asText())) {
        entries.addObject().set("resource", e.get("resource"));
      }
    }
    return out;
  }
}
