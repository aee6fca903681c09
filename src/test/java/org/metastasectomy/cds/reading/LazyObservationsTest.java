package org.metastasectomy.cds.reading;

import org.metastasectomy.cds.intake.PrefetchData;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Observation;
import org.junit.jupiter.api.Test;
import org.metastasectomy.cds.model.Fact;
import org.metastasectomy.cds.model.PatientFeatures;

/**
 * Prefetched Observations are parsed only when a reader picks them; the features must be exactly those of parsing
 * every Observation up front — on every vignette, whose Observations cover series over time, statuses and units.
 */
class LazyObservationsTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final FhirContext FHIR = FhirContext.forR4Cached();
  private static final PatientFeatureMapper MAPPER = new PatientFeatureMapper(90, ReferenceRangeDefaults.none());

  @Test
  void lazyAndEagerObservationsGiveTheSameFeatures() throws IOException {
    int compared = 0;
    try (Stream<Path> files = Files.list(Path.of("src/test/resources/vignettes"))) {
      for (Path file : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
        JsonNode vignette = JSON.readTree(file.toFile());
        LocalDate asOf = LocalDate.parse(vignette.get("asOf").asText());
        String patientId = patientId(vignette.get("bundle"));
        PrefetchData data = new PrefetchData(patientId, prefetch(vignette.get("bundle")), Map.of(), Set.of());
        PatientRecord lazy = new PatientRecordReader(data, () -> new TreeJsonParser(FHIR)).record();
        PatientRecord eager = new PatientRecord(lazy.patient(), lazy.conditions(),
            parsedObservations(vignette.get("bundle")), lazy.procedures(), lazy.medicationRequests(),
            lazy.medicationAdministrations(), lazy.serviceRequests(), lazy.unavailable());
        assertThat(describe(MAPPER.map(lazy, asOf))).as(file.toString()).isEqualTo(describe(MAPPER.map(eager, asOf)));
        compared++;
      }
    }
    assertThat(compared).isGreaterThanOrEqualTo(30);
  }

  @Test
  void onlyTheObservationsAReaderPicksAreParsed() throws IOException {
    JsonNode request = JSON.readTree(Path.of("cds-hooks/examples/solitary-lung-favourable/request.json").toFile());
    int[] parsed = {0};
    Map<String, JsonNode> prefetch = new HashMap<>();
    request.get("prefetch").fields().forEachRemaining(e -> prefetch.put(e.getKey(), e.getValue()));
    PrefetchData data = new PrefetchData("mrcc-solitary-lung", prefetch, Map.of(), Set.of());
    PatientRecordReader reader = new PatientRecordReader(data, () -> {
      parsed[0]++;
      return new TreeJsonParser(FHIR);
    });
    PatientFeatures features = MAPPER.map(reader.record(), LocalDate.of(2026, 11, 27));
    int observations = prefetch.get("observations").get("entry").size();
    assertThat(features.labs().values()).hasSize(8).allMatch(Fact::isKnown);
    assertThat(parsed[0]).as("parses out of %d Observations", observations).isLessThan(observations / 3);
  }

  private static Map<String, JsonNode> prefetch(JsonNode bundle) {
    Map<String, JsonNode> out = new HashMap<>();
    Map<String, String> keyOf = Map.of("Patient", "patient", "Condition", "conditions", "Observation", "observations",
        "Procedure", "procedures", "MedicationRequest", "medications", "ServiceRequest", "tumorBoard");
    Map<String, ArrayNode> entries = new HashMap<>();
    for (JsonNode e : bundle.path("entry")) {
      String type = e.at("/resource/resourceType").asText();
      if (type.equals("Patient")) {
        out.put("patient", e.get("resource"));
      } else if (keyOf.containsKey(type)) {
        entries.computeIfAbsent(keyOf.get(type), k -> JSON.createArrayNode()).addObject().set("resource", e.get("resource"));
      }
    }
    entries.forEach((key, list) -> {
      ObjectNode b = JSON.createObjectNode().put("resourceType", "Bundle").put("type", "searchset");
      b.set("entry", list);
      out.put(key, b);
    });
    return out;
  }

  private static List<ObservationEntry> parsedObservations(JsonNode bundle) {
    Bundle parsed = FHIR.newJsonParser().parseResource(Bundle.class, bundle.toString());
    return parsed.getEntry().stream().map(Bundle.BundleEntryComponent::getResource)
        .filter(Observation.class::isInstance).map(r -> ObservationEntry.of((Observation) r)).toList();
  }

  private static String patientId(JsonNode bundle) {
    for (JsonNode e : bundle.path("entry")) {
      if (e.at("/resource/resourceType").asText().equals("Patient")) {
        return e.at("/resource/id").asText();
      }
    }
    throw new IllegalStateException("vignette without a Patient");
  }

  /** Everything the model reads from Observations, as text. */
  private static String describe(PatientFeatures p) {
    return String.join(" | ", "ecog " + p.ecog(), "kps " + p.kps(), "grade " + p.grade(), "T " + p.tStage(),
        "N " + p.nStage(), "M " + p.mStage(), "histology " + p.histology(), "sarcomatoid " + p.sarcomatoid(),
        "labs " + new java.util.TreeMap<>(p.labs()));
  }
}
