package org.metastasectomy.cds.reading;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.MedicationAdministration;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Procedure;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.metastasectomy.cds.intake.PrefetchData;
import org.metastasectomy.cds.intake.PrefetchKeys;

/**
 * Reads one request's {@link PrefetchData} into FHIR resources: prefetched JSON is parsed only when first needed (so a
 * patient without RCC never pays for parsing Observations); resources fetched from the EHR are used as they are.
 * Resources about another patient are dropped.
 */
public final class PatientRecordReader {
  private final String patientId;
  private final Map<String, JsonNode> prefetched;
  private final Map<String, List<IBaseResource>> fetched;
  private final Set<String> unavailable;
  private final Supplier<TreeJsonParser> parser;
  private final Map<String, List<Resource>> parsed = new HashMap<>();

  PatientRecordReader(PrefetchData data, Supplier<TreeJsonParser> parser) {
    this.patientId = data.patientId();
    this.prefetched = data.prefetched();
    this.fetched = data.fetched();
    this.unavailable = data.unavailable();
    this.parser = parser;
  }

  /**
   * False only when the Conditions certainly hold no primary RCC. Prefetched JSON is looked at without parsing it;
   * Conditions fetched from the EHR are already parsed and are checked properly.
   */
  public boolean mayHaveRcc() {
    if (!fetched.containsKey(PrefetchKeys.CONDITIONS) && prefetched.containsKey(PrefetchKeys.CONDITIONS)) {
      return RccPrefilter.mayHaveRcc(prefetched.get(PrefetchKeys.CONDITIONS));
    }
    return true;
  }

  public List<Condition> conditions() {
    return ofType(PrefetchKeys.CONDITIONS, Condition.class);
  }

  public PatientRecord record() {
    List<Patient> patients = ofType(PrefetchKeys.PATIENT, Patient.class);
    List<Procedure> procedures = ofType(PrefetchKeys.PROCEDURES, Procedure.class);
    List<ServiceRequest> serviceRequests = new ArrayList<>(ofType(PrefetchKeys.TUMOUR_BOARD, ServiceRequest.class));
    return new PatientRecord(
        patients.isEmpty() ? null : patients.get(0),
        conditions(),
        observations(),
        procedures,
        ofType(PrefetchKeys.MEDICATIONS, MedicationRequest.class),
        ofType(PrefetchKeys.MEDICATIONS, MedicationAdministration.class),
        serviceRequests,
        unavailable);
  }

  /**
   * Prefetched Observations stay JSON until a reader picks one (see ObservationEntry); fetched ones are already parsed.
   * Entries that are not Observations, or are about another patient, are left out as before.
   */
  private List<ObservationEntry> observations() {
    JsonNode node = prefetched.get(PrefetchKeys.OBSERVATIONS);
    if (fetched.containsKey(PrefetchKeys.OBSERVATIONS) || node == null || node.isNull()
        || !"Bundle".equals(node.path("resourceType").asText())) {
      return ofType(PrefetchKeys.OBSERVATIONS, Observation.class).stream().map(ObservationEntry::of).toList();
    }
    List<ObservationEntry> out = new ArrayList<>();
    for (JsonNode entry : node.path("entry")) {
      JsonNode r = entry.path("resource");
      if ("Observation".equals(r.path("resourceType").asText()) && PatientSubject.isAbout(r.path("subject").path("reference"), patientId)) {
        out.add(ObservationEntry.lazy(r, this::parseObservation));
      }
    }
    return out;
  }

  private Observation parseObservation(JsonNode json) {
    IBaseResource r = FhirJson.parse(parser.get(), PrefetchKeys.OBSERVATIONS, json);
    if (!(r instanceof Observation o)) {
      throw new InvalidFhirInputException("prefetch." + PrefetchKeys.OBSERVATIONS, "prefetch.observations holds an entry that is not an Observation");
    }
    return o;
  }

  private <T extends Resource> List<T> ofType(String key, Class<T> type) {
    List<T> out = new ArrayList<>();
    for (Resource r : resources(key)) {
      if (type.isInstance(r) && PatientSubject.isAbout(r, patientId)) {
        out.add(type.cast(r));
      }
    }
    return out;
  }

  private List<Resource> resources(String key) {
    return parsed.computeIfAbsent(key, this::load);
  }

  private List<Resource> load(String key) {
    List<Resource> out = new ArrayList<>();
    if (fetched.containsKey(key)) {
      fetched.get(key).forEach(r -> out.add((Resource) r));
      return out;
    }
    JsonNode node = prefetched.get(key);
    if (node == null || node.isNull()) {
      return out;
    }
    IBaseResource resource = FhirJson.parse(parser.get(), key, node);
    if (resource instanceof Bundle bundle) {
      for (Bundle.BundleEntryComponent e : bundle.getEntry()) {
        if (e.hasResource()) {
          out.add(e.getResource());
        }
      }
    } else {
      out.add((Resource) resource);
    }
    return out;
  }
}
