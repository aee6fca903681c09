package org.metastasectomy.cds.reading;

import java.util.List;
import java.util.Set;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.MedicationAdministration;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Procedure;
import org.hl7.fhir.r4.model.ServiceRequest;

/**
 * The patient's FHIR resources as parsed from prefetch or the EHR's FHIR server.
 *
 * @param unavailable prefetch keys whose data could not be had
 */
public record PatientRecord(
    Patient patient,
    List<Condition> conditions,
    List<ObservationEntry> observations,
    List<Procedure> procedures,
    List<MedicationRequest> medicationRequests,
    List<MedicationAdministration> medicationAdministrations,
    List<ServiceRequest> serviceRequests,
    Set<String> unavailable) {}
