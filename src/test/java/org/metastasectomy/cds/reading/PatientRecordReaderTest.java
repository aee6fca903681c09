package org.metastasectomy.cds.reading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.fhir.context.FhirContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.Test;
import org.metastasectomy.cds.intake.PrefetchData;
import org.metastasectomy.cds.intake.PrefetchKeys;

/** Prefetch and fetched data become the patient's resources: other patients' resources and other types are left out. */
class PatientRecordReaderTest {
  private static final FhirContext FHIR = FhirContext.forR4Cached();
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String RCC = "{\"system\":\"http://snomed.info/sct\",\"code\":\"702391001\"}";

  private static JsonNode json(String text) {
    try {
      return JSON.readTree(text);
    } catch (Exception e) {
      throw new IllegalArgumentException(e);
    }
  }

  private static String bundle(String... resources) {
    StringBuilder sb = new StringBuilder("{\"resourceType\":\"Bundle\",\"type\":\"searchset\",\"entry\":[");
    for (int i = 0; i < resources.length; i++) {
      sb.append(i == 0 ? "" : ",").append("{\"resource\":").append(resources[i]).append('}');
    }
    return sb.append("]}").toString();
  }

  private static String condition(String id, String patient, String coding) {
    return "{\"resourceType\":\"Condition\",\"id\":\"" + id + "\"," + subject(patient)
        + "\"code\":{\"coding\":[" + coding + "]}}";
  }

  private static String subject(String patient) {
    return patient == null ? "" : "\"subject\":{\"reference\":\"Patient/" + patient + "\"},";
  }

  private static String observation(String id, String patient) {
    return "{\"resourceType\":\"Observation\",\"id\":\"" + id + "\"," + subject(patient)
        + "\"status\":\"final\",\"code\":{\"coding\":[{\"system\":\"http://loinc.org\",\"code\":\"718-7\"}]}}";
  }

  private static String resource(String type, String id, String patient) {
    return "{\"resourceType\":\"" + type + "\",\"id\":\"" + id + "\"," + subject(patient) + "\"status\":\"completed\"}";
  }

  private static PatientRecordReader reader(Map<String, String> prefetch) {
    return reader(prefetch, Map.of(), Set.of());
  }

  private static PatientRecordReader reader(Map<String, String> prefetch, Map<String, List<IBaseResource>> fetched,
      Set<String> unavailable) {
    Map<String, JsonNode> nodes = new HashMap<>();
    prefetch.forEach((k, v) -> nodes.put(k, json(v)));
    return new PatientRecords(FHIR).read(new PrefetchData("p1", nodes, fetched, unavailable));
  }

  private static List<String> ids(List<? extends org.hl7.fhir.r4.model.Resource> resources) {
    return resources.stream().map(r -> r.getIdElement().getIdPart()).toList();
  }

  @Test
  void eachKeyGivesThePatientsResourcesOfItsTypeAndDropsOtherPatientsAndOtherTypes() {
    PatientRecord record = reader(Map.of(
        PrefetchKeys.PATIENT, "{\"resourceType\":\"Patient\",\"id\":\"p1\",\"gender\":\"female\"}",
        PrefetchKeys.CONDITIONS, bundle(condition("c1", "p1", RCC), condition("c2", "other", RCC),
            condition("c3", null, RCC), resource("Procedure", "x", "p1")),
        PrefetchKeys.PROCEDURES, bundle(resource("Procedure", "pr1", "p1"), resource("Procedure", "pr2", "p2")),
        PrefetchKeys.MEDICATIONS, bundle(resource("MedicationRequest", "mr1", "p1"),
            resource("MedicationAdministration", "ma1", "p1"), resource("MedicationRequest", "mr2", "p2"),
            resource("MedicationAdministration", "ma2", "p2")),
        PrefetchKeys.TUMOUR_BOARD, bundle(resource("ServiceRequest", "sr1", "p1"), resource("ServiceRequest", "sr2", "p9"))),
        Map.of(), Set.of(PrefetchKeys.OBSERVATIONS)).record();

    assertThat(record.patient().getGenderElement().getValueAsString()).isEqualTo("female");
    assertThat(ids(record.conditions())).as("no subject is taken as the patient's").containsExactly("c1", "c3");
    assertThat(ids(record.procedures())).containsExactly("pr1");
    assertThat(ids(record.medicationRequests())).containsExactly("mr1");
    assertThat(ids(record.medicationAdministrations())).containsExactly("ma1");
    assertThat(ids(record.serviceRequests())).containsExactly("sr1");
    assertThat(record.observations()).isEmpty();
    assertThat(record.unavailable()).containsExactly(PrefetchKeys.OBSERVATIONS);
  }

  @Test
  void aPatientWithAnotherIdIsNotThePatient() {
    assertThat(reader(Map.of(PrefetchKeys.PATIENT, "{\"resourceType\":\"Patient\",\"id\":\"p2\"}")).record().patient())
        .isNull();
    assertThat(reader(Map.of(PrefetchKeys.PATIENT, "{\"resourceType\":\"Patient\",\"gender\":\"male\"}")).record().patient())
        .as("a Patient without id is the patient's own").isNotNull();
  }

  @Test
  void aMissingOrNullKeyOrAnOperationOutcomeHoldsNothing() {
    Map<String, JsonNode> nodes = new HashMap<>();
    nodes.put(PrefetchKeys.CONDITIONS, NullNode.getInstance());
    nodes.put(PrefetchKeys.OBSERVATIONS, NullNode.getInstance());
    nodes.put(PrefetchKeys.PROCEDURES, json("{\"resourceType\":\"OperationOutcome\",\"issue\":[{\"severity\":\"error\","
        + "\"code\":\"not-found\"}]}"));
    PatientRecord record = new PatientRecords(FHIR).read(new PrefetchData("p1", nodes, Map.of(), Set.of())).record();
    assertThat(record.patient()).isNull();
    assertThat(record.conditions()).isEmpty();
    assertThat(record.observations()).isEmpty();
    assertThat(record.procedures()).isEmpty();
    assertThat(record.medicationRequests()).isEmpty();
  }

  @Test
  void aSingleResourceRatherThanABundleIsRead() {
    PatientRecordReader r = reader(Map.of(
        PrefetchKeys.CONDITIONS, condition("c1", "p1", RCC),
        PrefetchKeys.OBSERVATIONS, observation("o1", "p1")));
    assertThat(ids(r.conditions())).containsExactly("c1");
    assertThat(r.record().observations()).hasSize(1);
    assertThat(r.record().observations().get(0).resource().getIdElement().getIdPart()).isEqualTo("o1");
  }

  @Test
  void prefetchedObservationsAreThePatientsObservationsOnlyAndParseWhenRead() {
    PatientRecord record = reader(Map.of(PrefetchKeys.OBSERVATIONS, bundle(observation("o1", "p1"),
        observation("o2", "p2"), observation("o3", null), condition("c1", "p1", RCC)))).record();
    assertThat(record.observations()).hasSize(2);
    assertThat(record.observations().stream().map(e -> e.resource().getIdElement().getIdPart()))
        .containsExactly("o1", "o3");
    assertThat(record.observations().get(0).status()).isEqualTo("final");
  }

  @Test
  void aPrefetchValueThatIsNotAnObjectOrNotFhirIsA400NamingTheKey() {
    assertThatThrownBy(() -> reader(Map.of(PrefetchKeys.CONDITIONS, "[1,2]")).conditions())
        .isInstanceOfSatisfying(InvalidFhirInputException.class, e -> {
          assertThat(e.field()).isEqualTo("prefetch.conditions");
          assertThat(e.getMessage()).isEqualTo("prefetch.conditions must be a FHIR resource or Bundle");
        });
    assertThatThrownBy(() -> reader(Map.of(PrefetchKeys.PROCEDURES, "{\"resourceType\":\"NoSuchThing\"}")).record())
        .isInstanceOfSatisfying(InvalidFhirInputException.class, e -> {
          assertThat(e.field()).isEqualTo("prefetch.procedures");
          assertThat(e.getMessage()).startsWith("prefetch.procedures is not FHIR R4 JSON");
        });
  }

  @Test
  void resourcesFetchedFromTheEhrAreUsedInsteadOfPrefetchAndStillFilteredByPatient() {
    Condition mine = new Condition().setSubject(new Reference("Patient/p1"));
    mine.setId("c1");
    Condition theirs = new Condition().setSubject(new Reference("Patient/p2"));
    theirs.setId("c2");
    Observation obs = new Observation().setSubject(new Reference("Patient/p1"));
    obs.setId("o1");
    Observation otherObs = new Observation().setSubject(new Reference("https://ehr.example.org/fhir/Patient/p2"));
    otherObs.setId("o2");
    PatientRecordReader r = reader(
        Map.of(PrefetchKeys.CONDITIONS, bundle(condition("prefetched", "p1", RCC)),
            PrefetchKeys.OBSERVATIONS, bundle(observation("prefetchedObs", "p1"))),
        Map.of(PrefetchKeys.CONDITIONS, List.of(mine, theirs), PrefetchKeys.OBSERVATIONS, List.of(obs, otherObs)),
        Set.of());
    assertThat(ids(r.conditions())).containsExactly("c1");
    assertThat(r.record().observations()).hasSize(1);
    assertThat(r.record().observations().get(0).resource()).isSameAs(obs);
    assertThat(r.mayHaveRcc()).as("fetched Conditions are not prefiltered").isTrue();
  }

  @Test
  void mayHaveRccLooksAtPrefetchedConditionsOnly() {
    String noRcc = "{\"system\":\"http://snomed.info/sct\",\"code\":\"38341003\"}";
    assertThat(reader(Map.of(PrefetchKeys.CONDITIONS, bundle(condition("c1", "p1", noRcc)))).mayHaveRcc()).isFalse();
    assertThat(reader(Map.of(PrefetchKeys.CONDITIONS, bundle(condition("c1", "p1", RCC)))).mayHaveRcc()).isTrue();
    assertThat(reader(Map.of()).mayHaveRcc()).as("no Conditions at all: cannot be ruled out here").isTrue();
  }

  @Test
  void eachKeyIsParsedOnceHoweverOftenItIsRead() {
    AtomicInteger parsers = new AtomicInteger();
    Map<String, JsonNode> nodes = Map.of(PrefetchKeys.CONDITIONS, json(bundle(condition("c1", "p1", RCC))));
    PatientRecordReader r = new PatientRecordReader(new PrefetchData("p1", nodes, Map.of(), Set.of()), () -> {
      parsers.incrementAndGet();
      return new TreeJsonParser(FHIR);
    });
    List<Condition> first = r.conditions();
    List<Condition> second = r.conditions();
    assertThat(ids(second)).containsExactly("c1");
    assertThat(second.get(0)).isSameAs(first.get(0));
    assertThat(parsers).hasValue(1);
  }
}
