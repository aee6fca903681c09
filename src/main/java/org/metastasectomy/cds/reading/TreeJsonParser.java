package org.metastasectomy.cds.reading;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.JsonParser;
import ca.uhn.fhir.parser.LenientErrorHandler;
import ca.uhn.fhir.parser.json.jackson.JacksonStructure;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.Reader;
import java.math.BigDecimal;
import java.util.Iterator;
import java.util.Map;
import org.hl7.fhir.instance.model.api.IBaseResource;

/**
 * HAPI's lenient JSON parser, fed the Jackson tree the request body was already read into. Writing that tree back to
 * text for HAPI to tokenise again cost a third of every parse. Only that step is skipped: HAPI's own work around the parse
 * (a Bundle entry's id from its fullUrl, and the rest of {@code BaseParser.parseResource}) runs as before, because the
 * tree is handed over where HAPI would have read its text. {@code TreeJsonParserTest} holds the two ways equal on every
 * example. One per parse, like HAPI's own parsers: not thread-safe.
 */
final class TreeJsonParser extends JsonParser {
  private static final JsonNodeFactory EXACT = JsonNodeFactory.withExactBigDecimals(true);
  private ObjectNode pending;

  TreeJsonParser(FhirContext fhir) {
    super(fhir, new LenientErrorHandler(false));
  }

  IBaseResource parse(ObjectNode resource) {
    pending = asHapiReadsIt(resource);
    try {
      return parseResource(Reader.nullReader());
    } finally {
      pending = null;
    }
  }

  @Override
  public <T extends IBaseResource> T doParseResource(Class<T> type, Reader text) {
    if (pending == null) {
      return super.doParseResource(type, text);
    }
    JacksonStructure tree = new JacksonStructure();
    tree.setNativeObject(pending);
    return doParseResource(type, tree);
  }

  /**
   * A copy in which every decimal is the BigDecimal of its text, as HAPI's own reader makes it (text written from a
   * double, then read exactly): so "13.0" stays 13.0, and no number reads differently from before. Strings and
   * integers are shared, not copied.
   */
  static ObjectNode asHapiReadsIt(ObjectNode node) {
    ObjectNode out = EXACT.objectNode();
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> field = it.next();
      out.set(field.getKey(), value(field.getValue()));
    }
    return out;
  }

  private static JsonNode value(JsonNode node) {
    if (node.isObject()) {
      return asHapiReadsIt((ObjectNode) node);
    }
    if (node.isArray()) {
      ArrayNode out = EXACT.arrayNode(node.size());
      node.forEach(element -> out.add(value(element)));
      return out;
    }
    if (node.isFloatingPointNumber()) {
      return EXACT.numberNode(new BigDecimal(node.asText()));
    }
    return node;
  }
}
