package org.metastasectomy.cds.reading;

import ca.uhn.fhir.parser.DataFormatException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.hl7.fhir.instance.model.api.IBaseResource;

/** One prefetch value parsed as FHIR R4: anything that cannot be read is the request's fault, a 400 naming the key. */
final class FhirJson {
  private FhirJson() {}

  static IBaseResource parse(TreeJsonParser parser, String key, JsonNode node) {
    String field = "prefetch." + key;
    if (!(node instanceof ObjectNode resource)) {
      throw new InvalidFhirInputException(field, field + " must be a FHIR resource or Bundle");
    }
    try {
      return parser.parse(resource);
    } catch (DataFormatException e) {
      throw new InvalidFhirInputException(field, field + " is not FHIR R4 JSON: " + firstLine(e.getMessage()));
    } catch (RuntimeException e) {
      // HAPI's lenient parser can fail in other ways on hostile input (e.g. an NPE for "resource": 42 in a Bundle entry).
      throw new InvalidFhirInputException(field, field + " is not FHIR R4 JSON that can be read");
    }
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "unreadable";
    }
    String line = message.lines().findFirst().orElse(message);
    return line.length() > 200 ? line.substring(0, 200) : line;
  }
}
