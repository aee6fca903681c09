package org.metastasectomy.cds.reading;

import com.fasterxml.jackson.databind.JsonNode;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.MedicationAdministration;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Procedure;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.ServiceRequest;

/** Whether a resource is about the request's patient: resources about another patient are never read. */
final class PatientSubject {
  private PatientSubject() {}

  /** A resource without a subject reference is taken as the patient's (prefetch queries are per patient). */
  static boolean isAbout(Resource r, String patientId) {
    if (r instanceof Patient p) {
      return !p.getIdElement().hasIdPart() || patientId.equals(p.getIdElement().getIdPart());
    }
    Reference subject = subjectOf(r);
    if (subject == null || !subject.hasReference()) {
      return true;
    }
    return patientId.equals(subject.getReferenceElement().getIdPart());
  }

  /** The same, for a subject reference still in JSON (a prefetched Observation not yet parsed). */
  static boolean isAbout(JsonNode reference, String patientId) {
    return !reference.isTextual() || patientId.equals(new IdType(reference.asText()).getIdPart());
  }

  private static Reference subjectOf(Resource r) {
    if (r instanceof Condition c) {
      return c.getSubject();
    }
    if (r instanceof Observation o) {
      return o.getSubject();
    }
    if (r instanceof Procedure p) {
      return p.getSubject();
    }
    if (r instanceof MedicationRequest m) {
      return m.getSubject();
    }
    if (r instanceof MedicationAdministration m) {
      return m.getSubject();
    }
    if (r instanceof ServiceRequest s) {
      return s.getSubject();
    }
    return null;
  }
}
