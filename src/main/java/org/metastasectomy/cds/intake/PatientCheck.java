package org.metastasectomy.cds.intake;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.hl7.fhir.instance.model.api.IBaseResource;

/**
 * The {@code patient} key must hold the Patient of {@code context.patientId}: a null, a Bundle without a Patient, or a
 * Patient with another id cannot be answered for (412 naming the key), never with a silent empty answer. A Patient
 * without an id is taken as the one asked for. The reasons name no id: they travel to the log and the audit.
 */
final class PatientCheck {
  private PatientCheck() {}

  /** Why the prefetched {@code patient} value cannot be used, or empty when it can. */
  static Optional<String> prefetched(JsonNode value, String patientId) {
    if (value == null || value.isNull()) {
      return Optional.of("prefetch.patient is null: the Patient is required");
    }
    List<JsonNode> patients = new ArrayList<>();
    String type = value.path("resourceType").asText();
    if (type.equals("Bundle")) {
      value.path("entry").forEach(e -> {
        if ("Patient".equals(e.path("resource").path("resourceType").asText())) {
          patients.add(e.path("resource"));
        }
      });
    } else if (type.equals("Patient")) {
      patients.add(value);
    } else {
      return Optional.of("prefetch.patient is not a Patient resource");
    }
    if (patients.isEmpty()) {
      return Optional.of("prefetch.patient holds no Patient: the Patient is required");
    }
    boolean other = patients.stream().anyMatch(p -> p.path("id").isTextual() && !p.path("id").asText().equals(patientId));
    return other ? Optional.of(MISMATCH) : Optional.empty();
  }

  /** Why the Patient read from the EHR cannot be used, or empty when it can. */
  static Optional<String> fetched(List<IBaseResource> resources, String patientId) {
    List<IBaseResource> patients = resources.stream().filter(r -> "Patient".equals(r.fhirType())).toList();
    if (patients.isEmpty()) {
      return Optional.of("the FHIR server returned no Patient: the Patient is required");
    }
    boolean other = patients.stream().anyMatch(p -> p.getIdElement().hasIdPart() && !p.getIdElement().getIdPart().equals(patientId));
    return other ? Optional.of(MISMATCH) : Optional.empty();
  }

  private static final String MISMATCH = "the Patient's id is not context.patientId: data about another patient";
}
