package org.metastasectomy.cds.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import java.util.List;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.api.Test;

/** The patient key must hold context.patientId's Patient (issue 14, item 3). */
class PatientCheckTest {
  static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void prefetchedPatients() throws Exception {
    assertThat(PatientCheck.prefetched(JSON.readTree("{\"resourceType\":\"Patient\",\"id\":\"p1\"}"), "p1")).isEmpty();
    assertThat(PatientCheck.prefetched(JSON.readTree("{\"resourceType\":\"Patient\"}"), "p1")).as("no id").isEmpty();
    assertThat(PatientCheck.prefetched(JSON.readTree("{\"resourceType\":\"Patient\",\"id\":\"p2\"}"), "p1"))
        .hasValueSatisfying(why -> assertThat(why).contains("context.patientId").doesNotContain("p2"));
    assertThat(PatientCheck.prefetched(NullNode.getInstance(), "p1")).hasValueSatisfying(why -> assertThat(why).contains("null"));
    assertThat(PatientCheck.prefetched(JSON.readTree("{\"resourceType\":\"Bundle\",\"entry\":[]}"), "p1")).isPresent();
    assertThat(PatientCheck.prefetched(JSON.readTree(
        "{\"resourceType\":\"Bundle\",\"entry\":[{\"resource\":{\"resourceType\":\"Patient\",\"id\":\"p1\"}}]}"), "p1")).isEmpty();
    assertThat(PatientCheck.prefetched(JSON.readTree("{\"resourceType\":\"Observation\"}"), "p1")).isPresent();
  }

  @Test
  void fetchedPatients() {
    assertThat(PatientCheck.fetched(List.of(new Patient().setId("p1")), "p1")).isEmpty();
    assertThat(PatientCheck.fetched(List.of(new Patient().setId("Patient/p2")), "p1")).isPresent();
    assertThat(PatientCheck.fetched(List.of(new Observation()), "p1")).isPresent();
  }
}
