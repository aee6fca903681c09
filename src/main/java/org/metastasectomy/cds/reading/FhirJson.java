package org.metastasectomy.cds.reading;

import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.parser.IParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.hl7.fhir.instance.model.api.IBaseResource;

/** One prefetch value parsed as FHIR R4: anything that cannot be read is the request's fault, a 400 naming the key. */
final class FhirJson {
  private FhirJson() {}

  static IBaseResource parse(IParser parser, ObjectMapper json, String key, JsonNode node) {
    String field = "prefetch." + key;
    if (!node.isObject()) {
      throw new InvalidFhirInputException(field, field + " must be a FHIR resource or Bundle");
    }
    try {
      return parser.parseResource(json.writeValueAsString(node));
    } catch (DataFormatException | JsonProcessingException e) {
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
