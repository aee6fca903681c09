package org.metastasectomy.cds.vignettes;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.MedicationAdministration;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Procedure;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.metastasectomy.cds.cards.CardLength;
import org.metastasectomy.cds.cards.DraftResources;
import org.metastasectomy.cds.cards.TumourBoardCardBuilder;
import org.metastasectomy.cds.knowledge.KnowledgeBase;
import org.metastasectomy.cds.reading.PatientFeatureMapper;
import org.metastasectomy.cds.reading.PatientRecord;
import org.metastasectomy.cds.reading.ReferenceRangeDefaults;
import org.metastasectomy.cds.knowledge.KnowledgeLoader;
import org.metastasectomy.cds.model.Assessment;
import org.metastasectomy.cds.model.Assessor;
import org.metastasectomy.cds.model.FactorResult;
import org.metastasectomy.cds.model.Lab;
import org.metastasectomy.cds.model.LabValue;
import org.metastasectomy.cds.model.PatientFeatures;
import org.metastasectomy.cds.model.risk.CorrectedCalcium;
import org.metastasectomy.cds.model.RiskResult;
import org.metastasectomy.cds.model.Timeline;

/**
 * The clinical vignette suite (src/test/resources/vignettes): each file is a FHIR bundle with the features, IMDC,
 * MSKCC, evidence-profile rules and candidacy computed by hand from the published definitions. The mapper and the model
 * must agree with every hand calculation.
 */
class VignetteTest {
  private static final Path DIR = Path.of("src/test/resources/vignettes");
  private static final FhirContext FHIR = FhirContext.forR4Cached();
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final KnowledgeBase KNOWLEDGE = KnowledgeLoader.loadFromClasspath();
  private static final Assessor ASSESSOR = new Assessor(KNOWLEDGE.model());
  private static final PatientFeatureMapper MAPPER = new PatientFeatureMapper(90, ReferenceRangeDefaults.none());
  private static final Map<String, Lab> LAB_KEYS = Map.of(
      "haemoglobin", Lab.HAEMOGLOBIN, "calcium", Lab.CALCIUM, "albumin", Lab.ALBUMIN, "neutrophils", Lab.NEUTROPHILS,
      "platelets", Lab.PLATELETS, "ldh", Lab.LDH, "alp", Lab.ALKALINE_PHOSPHATASE, "crp", Lab.CRP);

  @Test
  void suiteHasAtLeastThirtyVignettes() throws IOException {
    assertThat(files()).hasSizeGreaterThanOrEqualTo(30);
  }

  @TestFactory
  Stream<DynamicTest> everyVignetteMatchesItsHandCalculation() throws IOException {
    return files().stream().map(f -> DynamicTest.dynamicTest(f.getFileName().toString(), () -> check(f)));
  }

  /**
   * Every vignette's patient-view card fits the bound of issue 12 item 4 (CardLength): the examples alone would not
   * catch a card that grows with unknowns, cautions or many factors.
   */
  @TestFactory
  Stream<DynamicTest> everyVignettesPatientViewCardStaysWithinTheLengthBound() throws IOException {
    TumourBoardCardBuilder cards = new TumourBoardCardBuilder(KNOWLEDGE,
        new DraftResources(new DraftResources.ChestCtOrder("http://loinc.org", "24627-2", "Chest CT")));
    return files().stream().map(f -> DynamicTest.dynamicTest(f.getFileName().toString(), () -> {
      JsonNode v = JSON.readTree(f.toFile());
      Bundle bundle = FHIR.newJsonParser().parseResource(Bundle.class, v.get("bundle").toString());
      Assessment a = ASSESSOR.assess(MAPPER.map(record(bundle), LocalDate.parse(v.get("asOf").asText())));
      if (a.applicable()) {
        String detail = cards.build(a, "p", "https://cds.example.org/rules").card().detail();
        assertThat(detail.length()).as(detail).isLessThanOrEqualTo(CardLength.WITH_CAUTIONS);
      }
    }));
  }

  private static List<Path> files() throws IOException {
    try (Stream<Path> s = Files.list(DIR)) {
      return s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
    }
  }

  private static void check(Path file) throws IOException {
    JsonNode v = JSON.readTree(file.toFile());
    JsonNode e = v.get("expected");
    Bundle bundle = FHIR.newJsonParser().parseResource(Bundle.class, v.get("bundle").toString());
    PatientFeatures p = MAPPER.map(record(bundle), LocalDate.parse(v.get("asOf").asText()));
    Assessment a = ASSESSOR.assess(p);

    SoftAssertions soft = new SoftAssertions();
    soft.assertThat(p.rcc()).as("rcc").isEqualTo(e.get("rcc").asBoolean());
    soft.assertThat(p.metastatic()).as("metastatic").isEqualTo(e.get("metastatic").asBoolean());
    Set<String> sites = new TreeSet<>();
    p.currentSites().forEach(s -> sites.add(s.name()));
    soft.assertThat(sites).as("sites").containsExactlyElementsOf(strings(e.get("sites")));
    soft.assertThat(value(Timeline.dfiMonths(p).map(Long::intValue))).as("dfiMonths").isEqualTo(intOrNull(e.get("dfiMonths")));
    soft.assertThat(value(a.synchronous())).as("synchronous").isEqualTo(boolOrNull(e.get("synchronous")));
    soft.assertThat(value(p.ecog())).as("ecog").isEqualTo(intOrNull(e.get("ecog")));
    soft.assertThat(value(p.kps())).as("kps").isEqualTo(intOrNull(e.get("kps")));
    soft.assertThat(value(p.ageYears())).as("age").isEqualTo(intOrNull(e.get("ageYears")));
    soft.assertThat((String) value(p.histology().map(h -> h.name()))).as("histology").isEqualTo(textOrNull(e.get("histology")));
    soft.assertThat(value(p.grade())).as("grade").isEqualTo(intOrNull(e.get("grade")));
    soft.assertThat(value(p.tStage())).as("tStage").isEqualTo(intOrNull(e.get("tStage")));
    soft.assertThat(value(p.nStage())).as("nStage").isEqualTo(intOrNull(e.get("nStage")));
    checkLabs(soft, p, e.get("labs"));
    checkRisk(soft, "imdc", a.imdc(), e.get("imdc"));
    checkRisk(soft, "mskcc", a.mskcc(), e.get("mskcc"));
    if (e.hasNonNull("rules")) {
      Map<String, String> actual = new LinkedHashMap<>();
      a.rules().forEach(r -> actual.put(r.rule().id().name(), r.status().name()));
      soft.assertThat(actual).as("evidence-profile rules").containsExactlyInAnyOrderEntriesOf(textMap(e.get("rules")));
    }
    soft.assertThat(a.candidacy().name()).as("candidacy").isEqualTo(e.get("candidacy").asText());
    soft.assertAll();
  }

  private static void checkLabs(SoftAssertions soft, PatientFeatures p, JsonNode labs) {
    if (labs == null || labs.isNull()) {
      return;
    }
    labs.fields().forEachRemaining(entry -> {
      Double expected = entry.getValue().isNull() ? null : entry.getValue().asDouble();
      Double actual;
      if (entry.getKey().equals("correctedCalcium")) {
        actual = value(CorrectedCalcium.of(p));
      } else {
        actual = value(p.lab(LAB_KEYS.get(entry.getKey())).map(LabValue::value));
      }
      if (expected == null || actual == null) {
        soft.assertThat(actual).as("lab " + entry.getKey()).isEqualTo(expected);
      } else {
        soft.assertThat(actual).as("lab " + entry.getKey()).isCloseTo(expected, org.assertj.core.data.Offset.offset(0.006));
      }
    });
  }

  private static void checkRisk(SoftAssertions soft, String name, RiskResult r, JsonNode e) {
    if (e == null || e.isNull()) {
      return;
    }
    Map<String, String> factors = new LinkedHashMap<>();
    for (FactorResult f : r.factors()) {
      factors.put(f.id().name(), f.status().name());
    }
    soft.assertThat(factors).as(name + " factors").containsExactlyInAnyOrderEntriesOf(textMap(e.get("factors")));
    soft.assertThat(r.minScore()).as(name + " minScore").isEqualTo(e.get("minScore").asInt());
    soft.assertThat(r.maxScore()).as(name + " maxScore").isEqualTo(e.get("maxScore").asInt());
    soft.assertThat(r.groups().stream().map(Enum::name).toList()).as(name + " groups").isEqualTo(strings(e.get("groups")));
  }

  static PatientRecord record(Bundle bundle) {
    List<Resource> rs = new ArrayList<>();
    bundle.getEntry().forEach(en -> rs.add(en.getResource()));
    Patient patient = rs.stream().filter(Patient.class::isInstance).map(Patient.class::cast).findFirst().orElse(null);
    return new PatientRecord(patient, of(rs, Condition.class),
        of(rs, Observation.class).stream().map(org.metastasectomy.cds.reading.ObservationEntry::of).toList(), of(rs, Procedure.class),
        of(rs, MedicationRequest.class), of(rs, MedicationAdministration.class), of(rs, ServiceRequest.class), Set.of());
  }

  private static <T> List<T> of(List<Resource> rs, Class<T> type) {
    return rs.stream().filter(type::isInstance).map(type::cast).toList();
  }

  private static <T> T value(org.metastasectomy.cds.model.Fact<T> f) {
    return f.isKnown() ? f.value() : null;
  }

  private static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }

  private static Map<String, String> textMap(JsonNode obj) {
    Map<String, String> out = new LinkedHashMap<>();
    obj.fields().forEachRemaining(en -> out.put(en.getKey(), en.getValue().asText()));
    return out;
  }

  private static Integer intOrNull(JsonNode n) {
    return n == null || n.isNull() ? null : n.asInt();
  }

  private static Boolean boolOrNull(JsonNode n) {
    return n == null || n.isNull() ? null : n.asBoolean();
  }

  private static String textOrNull(JsonNode n) {
    return n == null || n.isNull() ? null : n.asText();
  }
}
