package org.metastasectomy.cds.reading;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.List;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.MedicationAdministration;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Procedure;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.Specimen;
import org.junit.jupiter.api.Test;

/** A resource about another patient is never read as this patient's. */
class PatientSubjectTest {

  private static List<Resource> about(String reference) {
    Reference r = reference == null ? new Reference() : new Reference(reference);
    return List.of(new Condition().setSubject(r), new Observation().setSubject(r), new Procedure().setSubject(r),
        new MedicationRequest().setSubject(r), new MedicationAdministration().setSubject(r),
        new ServiceRequest().setSubject(r));
  }

  @Test
  void everyReadTypeIsAboutThePatientItsSubjectNames() {
    for (Resource r : about("Patient/p1")) {
      assertThat(PatientSubject.isAbout(r, "p1")).as(r.fhirType()).isTrue();
      assertThat(PatientSubject.isAbout(r, "p2")).as(r.fhirType()).isFalse();
    }
    for (Resource r : about("https://ehr.example.org/fhir/Patient/p1")) {
      assertThat(PatientSubject.isAbout(r, "p1")).as("absolute " + r.fhirType()).isTrue();
      assertThat(PatientSubject.isAbout(r, "p2")).as("absolute " + r.fhirType()).isFalse();
    }
  }

  @Test
  void withoutASubjectReferenceAResourceIsThePatients() {
    for (Resource r : about(null)) {
      assertThat(PatientSubject.isAbout(r, "p1")).as(r.fhirType()).isTrue();
    }
    assertThat(PatientSubject.isAbout(new Specimen(), "p1")).as("a type without a subject here").isTrue();
  }

  @Test
  void aPatientIsThePatientByIdOrWhenItHasNone() {
    assertThat(PatientSubject.isAbout(new Patient().setId("p1"), "p1")).isTrue();
    assertThat(PatientSubject.isAbout(new Patient().setId("Patient/p1/_history/2"), "p1")).isTrue();
    assertThat(PatientSubject.isAbout(new Patient().setId("p2"), "p1")).isFalse();
    assertThat(PatientSubject.isAbout(new Patient(), "p1")).isTrue();
  }

  @Test
  void aJsonSubjectReferenceIsComparedByItsId() {
    assertThat(PatientSubject.isAbout(TextNode.valueOf("Patient/p1"), "p1")).isTrue();
    assertThat(PatientSubject.isAbout(TextNode.valueOf("Patient/p2"), "p1")).isFalse();
    assertThat(PatientSubject.isAbout(MissingNode.getInstance(), "p1")).isTrue();
    assertThat(PatientSubject.isAbout(IntNode.valueOf(3), "p1")).isTrue();
  }
}
