package org.metastasectomy.cds.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The golden hook requests in cds-hooks/examples and the FHIR server answers of the prefetch-missing example. */
final class Examples {
  static final ObjectMapper JSON = new ObjectMapper();
  static final Path ROOT = Path.of("cds-hooks", "examples");
  static final String PATIENT_VIEW = "metastasectomy-patient-view";
  static final String FAVOURABLE = "solitary-lung-favourable";
  static final String MISSING = "prefetch-missing";
  static final String PATIENT_ID = "mrcc-solitary-lung";

  /** Every example folder with the service it is sent to. */
  static final List<String[]> ALL = List.of(
      new String[] {"solitary-lung-favourable", PATIENT_VIEW},
      new String[] {"multi-organ-unfavourable", PATIENT_VIEW},
      new String[] {"no-rcc", "metastasectomy-order-select"},
      new String[] {"rcc-no-metastasis", PATIENT_VIEW},
      new String[] {"prefetch-missing", PATIENT_VIEW},
      new String[] {"order-sign-adjuvant-pazopanib", "metastasectomy-order-sign"},
      new String[] {"order-select-chest-xray", "metastasectomy-order-select"},
      new String[] {"order-select-cytoreductive-nephrectomy", "metastasectomy-order-select"},
      new String[] {"order-select-tki-favourable", "metastasectomy-order-select"});

  private Examples() {}

  static ObjectNode request(String folder) {
    return (ObjectNode) read(ROOT.resolve(folder).resolve("request.json"));
  }

  /** A file of prefetch-missing/fhir-server, e.g. "Condition.json", as text. */
  static String fhirServerFile(String name) {
    try {
      return Files.readString(ROOT.resolve(MISSING).resolve("fhir-server").resolve(name));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static JsonNode read(Path file) {
    try {
      return JSON.readTree(file.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static JsonNode parse(String json) {
    try {
      return JSON.readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The prefetch-missing request aimed at {@code fhirServer}, with a bearer token when {@code token} is not null. */
  static ObjectNode missingPrefetchRequest(String fhirServer, String token) {
    ObjectNode request = request(MISSING);
    request.put("fhirServer", fhirServer);
    if (token != null) {
      ObjectNode auth = request.putObject("fhirAuthorization");
      auth.put("access_token", token);
      auth.put("token_type", "Bearer");
      auth.put("expires_in", 300);
      auth.put("scope", "patient/*.read");
      auth.put("subject", "metastasectomy-cds");
    }
    return request;
  }
}
