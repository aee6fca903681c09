package org.metastasectomy.cds.cards;

import ca.uhn.fhir.context.FhirContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.metastasectomy.cds.intake.PrefetchData;
import org.metastasectomy.cds.knowledge.KnowledgeBase;
import org.metastasectomy.cds.knowledge.KnowledgeLoader;
import org.metastasectomy.cds.model.Assessment;
import org.metastasectomy.cds.model.Assessor;
import org.metastasectomy.cds.reading.PatientFeatureMapper;
import org.metastasectomy.cds.reading.PatientRecordReader;
import org.metastasectomy.cds.reading.PatientRecords;
import org.metastasectomy.cds.reading.ReferenceRangeDefaults;

/** The patient-view cards of the example requests (cds-hooks/examples), built without the web layer, as of the examples' date. */
final class ExampleCards {
  static final KnowledgeBase KNOWLEDGE = KnowledgeLoader.loadFromClasspath();
  static final LocalDate AS_OF = LocalDate.of(2026, 11, 27);
  static final String RULES = "https://cds.example.org/rules";
  private static final FhirContext FHIR = FhirContext.forR4Cached();
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Assessor ASSESSOR = new Assessor(KNOWLEDGE.model());
  private static final PatientFeatureMapper MAPPER = new PatientFeatureMapper(90, ReferenceRangeDefaults.none());
  static final TumourBoardCardBuilder BUILDER = new TumourBoardCardBuilder(KNOWLEDGE,
      new DraftResources(new DraftResources.ChestCtOrder("http://loinc.org", "24627-2", "Chest CT")));

  private ExampleCards() {}

  static Assessment assess(String example) throws IOException {
    JsonNode request = JSON.readTree(Path.of("cds-hooks/examples", example, "request.json").toFile());
    Map<String, JsonNode> prefetch = new HashMap<>();
    request.get("prefetch").fields().forEachRemaining(e -> prefetch.put(e.getKey(), e.getValue()));
    PrefetchData data = new PrefetchData(request.at("/context/patientId").asText(), prefetch, Map.of(), Set.of());
    PatientRecordReader reader = new PatientRecords(FHIR).read(data);
    return ASSESSOR.assess(MAPPER.map(reader.record(), AS_OF));
  }

  static IssuedCard card(String example) throws IOException {
    return BUILDER.build(assess(example), "patient-1", RULES);
  }
}
