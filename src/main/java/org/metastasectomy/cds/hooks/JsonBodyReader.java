package org.metastasectomy.cds.hooks;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads a JSON body within the configured limits (size, nesting depth, string length). Anything else is a 400 or 413
 * with a JSON error, never a 500 or a hang.
 */
public final class JsonBodyReader {
  private final ObjectMapper mapper;
  private final long maxBytes;

  public JsonBodyReader(ObjectMapper base, long maxBytes, int maxDepth, int maxStringLength) {
    JsonFactory factory = base.getFactory().copy();
    factory.setStreamReadConstraints(StreamReadConstraints.builder()
        .maxNestingDepth(maxDepth).maxStringLength(maxStringLength).build());
    this.mapper = base.copyWith(factory);
    this.maxBytes = maxBytes;
  }

  public JsonNode read(InputStream body, long declaredLength) {
    if (declaredLength > maxBytes) {
      throw new PayloadTooLargeException(maxBytes);
    }
    byte[] bytes;
    try {
      bytes = body.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
    } catch (IOException e) {
      throw new BadRequestException("body", "request body could not be read");
    }
    if (bytes.length > maxBytes) {
      throw new PayloadTooLargeException(maxBytes);
    }
    if (bytes.length == 0) {
      throw new BadRequestException("body", "request body is empty");
    }
    try (JsonParser parser = mapper.createParser(bytes)) {
      JsonNode node = mapper.readTree(parser);
      if (parser.nextToken() != null) {
        throw new BadRequestException("body", "request body has content after the JSON object");
      }
      if (node == null || !node.isObject()) {
        throw new BadRequestException("body", "request body must be a JSON object");
      }
      return node;
    } catch (StreamConstraintsException e) {
      throw new BadRequestException("body", "request body exceeds JSON limits (nesting depth or string length)");
    } catch (IOException e) {
      throw new BadRequestException("body", "request body is not valid JSON");
    }
  }
}
