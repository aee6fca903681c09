package org.metastasectomy.bench.jmh;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
import org.metastasectomy.cds.reading.ObservationEntry;
import org.metastasectomy.cds.reading.PatientRecord;

/**
 * Turns a bench request body into the service's {@link PatientRecord}, once, outside the measured code. Observations
 * are handed over already parsed ({@link ObservationEntry#of}); the service itself parses prefetched Observations lazily,
 * only those a reader picks, so the HAPI cost of those few is not in these numbers (see FhirParsingBenchmark).
 */
final class ServiceFixtures {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private ServiceFixtures() {}

  /** The date the model evaluates "as of": -Dbench.asOf=YYYY-MM-DD, else today (as the service does). */
  static LocalDate asOf() {
    String s = System.getProperty("bench.asOf");
    return s == null || s.isBlank() ? LocalDate.now() : LocalDate.parse(s);
  }

  static byte[] body(String which) throws IOException {
    return Files.readAllBytes(Path.of(System.getProperty("bench.request." + which, "target/requests/" + which + ".json")));
  }

  static PatientRecord record(byte[] body) throws IOException {
    IParser parser = FhirContext.forR4Cached().newJsonParser();
    List<Resource> all = new ArrayList<>();
    for (Map.Entry<String, JsonNode> e : MAPPER.readTree(body).path("prefetch").properties()) {
      if (!e.getValue().isObject()) {
        continue;
      }
      IBaseResource r = parser.parseResource(MAPPER.writeValueAsString(e.getValue()));
      if (r instanceof Bundle b) {
        b.getEntry().stream().filter(Bundle.BundleEntryComponent::hasResource).forEach(x -> all.add(x.getResource()));
      } else {
        all.add((Resource) r);
      }
    }
    return new PatientRecord(
        all.stream().filter(Patient.class::isInstance).map(Patient.class::cast).findFirst().orElse(null),
        of(all, Condition.class),
        of(all, Observation.class).stream().map(ObservationEntry::of).toList(),
        of(all, Procedure.class),
        of(all, MedicationRequest.class),
        of(all, MedicationAdministration.class),
        of(all, ServiceRequest.class),
        Set.of());
  }

  private static <T> List<T> of(List<Resource> all, Class<T> type) {
    return all.stream().filter(type::isInstance).map(type::cast).toList();
  }
}
