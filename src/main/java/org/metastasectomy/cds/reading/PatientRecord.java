package org.metastasectomy.cds.reading;

import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.MedicationAdministration;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Procedure;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.metastasectomy.cds.intake.PrefetchKeys;
import org.metastasectomy.cds.model.Reason;

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
    Set<String> unavailable) {

  public PatientRecord {
    unavailable = Collections.unmodifiableSortedSet(new TreeSet<>(unavailable));
  }

  /** Not recorded, or not fetched when one of these keys could not be had: why a value they hold would be unknown. */
  public Reason why(String... keys) {
    for (String key : keys) {
      if (unavailable.contains(key)) {
        return new Reason.NotFetched(PrefetchKeys.describe(key));
      }
    }
    return Reason.NOT_RECORDED;
  }

  /** Everything that could not be fetched, in plain words, in the order of the keys. */
  public List<Reason.NotFetched> notFetched() {
    return unavailable.stream().map(k -> new Reason.NotFetched(PrefetchKeys.describe(k))).toList();
  }
}
