package org.metastasectomy.cds.hooks;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;

/**
 * Reads a JSON body within the configured limits (size, nesting depth, string length). Anything else is a 400 or 413
 * with a JSON error, never a 500 or a hang. The body arrives complete and within the memory budget (RequestBodyGate).
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

  /**
   * Parses the body as it is read (no copy of the whole body is made first) and stops reading at the byte that crosses
   * the limit.
   */
  public JsonNode read(InputStream body, long declaredLength) {
    if (declaredLength > maxBytes) {
      throw new PayloadTooLargeException(maxBytes);
    }
    try (JsonParser parser = mapper.createParser(new LimitedInputStream(body, maxBytes))) {
      if (parser.nextToken() == null) {
        throw new BadRequestException("body", "request body is empty");
      }
      JsonNode node = mapper.readTree(parser);
      if (parser.nextToken() != null) {
        throw new BadRequestException("body", "request body has content after the JSON object");
      }
      if (node == null || !node.isObject()) {
        throw new BadRequestException("body", "request body must be a JSON object");
      }
      return node;
    } catch (LimitedInputStream.LimitExceeded e) {
      throw new PayloadTooLargeException(maxBytes);
    } catch (StreamConstraintsException e) {
      throw new BadRequestException("body", "request body exceeds JSON limits (nesting depth or string length)");
    } catch (IOException e) {
      throw new BadRequestException("body", "request body is not valid JSON");
    }
  }

  /**
   * Parses a body received in memory (RequestBodyGate) within the same limits, and takes the SHA-256 of its
   * {@code prefetch} member's bytes as sent, for the {@link AssessmentMemo}. The tree equals what
   * {@link #read(InputStream, long)} gives.
   */
  HookBody readHook(byte[] body, int length) {
    if (length > maxBytes) {
      throw new PayloadTooLargeException(maxBytes);
    }
    try (JsonParser parser = mapper.createParser(body, 0, length)) {
      JsonToken first = parser.nextToken();
      if (first == null) {
        throw new BadRequestException("body", "request body is empty");
      }
      if (first != JsonToken.START_OBJECT) {
        mapper.readTree(parser);
        throw parser.nextToken() != null ? new BadRequestException("body", "request body has content after the JSON object")
            : new BadRequestException("body", "request body must be a JSON object");
      }
      ObjectNode node = mapper.getNodeFactory().objectNode();
      byte[] prefetch = null;
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String name = parser.currentName();
        parser.nextToken();
        long start = parser.currentTokenLocation().getByteOffset();
        JsonNode value = mapper.readTree(parser);
        if ("prefetch".equals(name)) {
          MessageDigest sha = AssessmentMemo.sha256();
          sha.update(body, (int) start, (int) (parser.currentLocation().getByteOffset() - start));
          prefetch = sha.digest();
        }
        node.set(name, value);
      }
      if (parser.nextToken() != null) {
        throw new BadRequestException("body", "request body has content after the JSON object");
      }
      return new HookBody(node, prefetch);
    } catch (StreamConstraintsException e) {
      throw new BadRequestException("body", "request body exceeds JSON limits (nesting depth or string length)");
    } catch (IOException e) {
      throw new BadRequestException("body", "request body is not valid JSON");
    }
  }

  /** Counts the bytes read and fails at the first one over the limit. */
  static final class LimitedInputStream extends java.io.FilterInputStream {
    private final long limit;
    private long count;

    LimitedInputStream(InputStream in, long limit) {
      super(in);
      this.limit = limit;
    }

    /** Thrown when the body is longer than the limit. */
    static final class LimitExceeded extends IOException {
      LimitExceeded() {
        super("request body over the limit");
      }
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        count(1);
      }
      return b;
    }

    @Override
    public int read(byte[] buf, int off, int len) throws IOException {
      int n = super.read(buf, off, len);
      if (n > 0) {
        count(n);
      }
      return n;
    }

    private void count(int n) throws LimitExceeded {
      count += n;
      if (count > limit) {
        throw new LimitExceeded();
      }
    }
  }
}
