package org.metastasectomy.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A valid patient-view request of about the size asked for: the favourable example, whose observations Bundle is grown
 * with copies of its own laboratory results, each with a new id and dated years back (a long lab history, older than
 * the look-back window, so the card stays the example's card). The body stays valid FHIR and under the service's body
 * limit: it is the kind of request a real EHR could send, not garbage.
 */
final class LargeBodies {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private LargeBodies() {}

  static byte[] patientView(Path example, long targetBytes) throws IOException {
    ObjectNode request = (ObjectNode) MAPPER.readTree(example.toFile());
    ArrayNode entries = (ArrayNode) request.path("prefetch").path("observations").path("entry");
    ArrayNode labs = MAPPER.createArrayNode();
    for (JsonNode e : entries) {
      if (e.path("resource").has("valueQuantity")) {
        labs.add(e);
      }
    }
    if (labs.isEmpty()) {
      throw new IllegalStateException("the example has no laboratory Observation to copy: " + example);
    }
    long base = MAPPER.writeValueAsBytes(request).length;
    long perCopy = MAPPER.writeValueAsBytes(copy(labs.get(0), 0)).length + 1;
    long copies = Math.max(0, (targetBytes - base) / perCopy);
    for (int i = 0; i < copies; i++) {
      entries.add(copy(labs.get(i % labs.size()), i));
    }
    request.put("hookInstance", UUID.randomUUID().toString());
    byte[] body = MAPPER.writeValueAsBytes(request);
    // trim to the target if the estimate overshot (copies differ a little in size)
    while (body.length > targetBytes && entries.size() > 0) {
      entries.remove(entries.size() - 1);
      body = MAPPER.writeValueAsBytes(request);
    }
    return body;
  }

  private static ObjectNode copy(JsonNode entry, int i) {
    ObjectNode e = entry.deepCopy();
    ObjectNode resource = (ObjectNode) e.get("resource");
    String id = "hist-" + i + "-" + resource.path("id").asText("lab");
    if (id.length() > 64) {
      id = id.substring(0, 64);
    }
    resource.put("id", id);
    if (e.has("fullUrl")) {
      e.put("fullUrl", "urn:uuid:" + UUID.nameUUIDFromBytes(id.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }
    String when = LocalDate.of(2015, 1, 1).plusDays(i % 1500).toString();
    resource.remove("effectivePeriod");
    resource.put("effectiveDateTime", when);
    if (resource.has("issued")) {
      resource.put("issued", when + "T12:00:00Z");
    }
    return e;
  }
}
