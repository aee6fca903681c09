package org.metastasectomy.cds.intake;

import ca.uhn.fhir.parser.IParser;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.hl7.fhir.instance.model.api.IBaseResource;

/**
 * Reads one page of a FHIR search (a searchset Bundle) as a stream: each entry's resource is parsed by HAPI on its
 * own, so memory holds one entry's text and the resources kept, never the whole page as a tree. OperationOutcome
 * entries (search mode "outcome") are left out. Stops with a failure past the entry cap.
 */
final class SearchPageReader {
  /** One page: its resources and the next link, if any. */
  record Page(List<IBaseResource> resources, String next) {}

  /** The caller owns the stream (FhirGet checks that nothing follows the JSON): the parser must not close it. */
  private static final JsonFactory JSON = JsonFactory.builder()
      .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(200).build())
      .disable(StreamReadFeature.AUTO_CLOSE_SOURCE).build();

  private SearchPageReader() {}

  /**
   * @param entriesLeft the entry budget of the key (all pages together), decremented as entries are read
   * @throws FetchFailure when the body is not a Bundle, not JSON, or holds more entries than the budget
   */
  static Page read(InputStream body, IParser fhir, int[] entriesLeft) throws IOException {
    List<IBaseResource> resources = new ArrayList<>();
    String next = null;
    String resourceType = null;
    try (JsonParser json = JSON.createParser(body)) {
      if (json.nextToken() != JsonToken.START_OBJECT) {
        throw invalid();
      }
      while (json.nextToken() == JsonToken.FIELD_NAME) {
        String field = json.currentName();
        JsonToken value = json.nextToken();
        switch (field) {
          case "resourceType" -> resourceType = json.getValueAsString();
          case "link" -> next = value == JsonToken.START_ARRAY ? nextLink(json) : skip(json);
          case "entry" -> {
            if (value != JsonToken.START_ARRAY) {
              throw invalid();
            }
            while (json.nextToken() != JsonToken.END_ARRAY) {
              if (--entriesLeft[0] < 0) {
                throw new FetchFailure(FetchFailure.Kind.TOO_LARGE,
                    "FHIR answer has more entries than cds.fhir.max-entries", false);
              }
              IBaseResource r = entry(json, fhir);
              if (r != null && !"OperationOutcome".equals(r.fhirType())) {
                resources.add(r);
              }
            }
          }
          default -> json.skipChildren();
        }
      }
      if (!"Bundle".equals(resourceType)) {
        throw invalid();
      }
    }
    return new Page(resources, next);
  }

  private static IBaseResource entry(JsonParser json, IParser fhir) throws IOException {
    if (json.currentToken() != JsonToken.START_OBJECT) {
      throw invalid();
    }
    IBaseResource resource = null;
    while (json.nextToken() == JsonToken.FIELD_NAME) {
      String field = json.currentName();
      JsonToken value = json.nextToken();
      if (field.equals("resource") && value == JsonToken.START_OBJECT) {
        StringWriter text = new StringWriter();
        try (JsonGenerator copy = JSON.createGenerator(text)) {
          copy.copyCurrentStructure(json);
        }
        resource = fhir.parseResource(text.toString());
      } else {
        json.skipChildren();
      }
    }
    return resource;
  }

  /** The url of the link whose relation is "next", or null. */
  private static String nextLink(JsonParser json) throws IOException {
    String next = null;
    while (json.nextToken() != JsonToken.END_ARRAY) {
      if (json.currentToken() != JsonToken.START_OBJECT) {
        json.skipChildren();
        continue;
      }
      String relation = null;
      String url = null;
      while (json.nextToken() == JsonToken.FIELD_NAME) {
        String field = json.currentName();
        json.nextToken();
        if (field.equals("relation")) {
          relation = json.getValueAsString();
        } else if (field.equals("url")) {
          url = json.getValueAsString();
        } else {
          json.skipChildren();
        }
      }
      if ("next".equals(relation) && url != null && !url.isBlank()) {
        next = url;
      }
    }
    return next;
  }

  private static String skip(JsonParser json) throws IOException {
    json.skipChildren();
    return null;
  }

  private static FetchFailure invalid() {
    return new FetchFailure(FetchFailure.Kind.INVALID, "FHIR server answered with invalid FHIR JSON", false);
  }
}
