package org.metastasectomy.cds.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The example hook exchanges under cds-hooks/examples (also the golden files). */
public final class Examples {
  public static final Path DIR = Path.of("cds-hooks/examples");
  private static final ObjectMapper JSON = new ObjectMapper();

  private Examples() {}

  public static List<String> names() {
    try (Stream<Path> s = Files.list(DIR)) {
      return s.filter(p -> Files.exists(p.resolve("request.json"))).map(p -> p.getFileName().toString()).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static ObjectNode request(String name) {
    return (ObjectNode) read(DIR.resolve(name).resolve("request.json"));
  }

  public static JsonNode read(Path file) {
    try {
      return JSON.readTree(file.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The service id that answers an example's hook. */
  public static String serviceFor(JsonNode request) {
    return "metastasectomy-" + request.get("hook").asText();
  }
}
