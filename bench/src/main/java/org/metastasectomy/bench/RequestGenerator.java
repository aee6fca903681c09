package org.metastasectomy.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Turns the project's example hook requests into the bench's request bodies.
 *
 * <ul>
 *   <li>a: the "solitary-lung-favourable" example (patient-view, metastatic RCC, full prefetch);
 *   <li>b: the "no-rcc" example (order-select for a patient without RCC);
 *   <li>c: the "prefetch-missing" example (patient-view without prefetch), its {@code fhirServer} rewritten to the stub.
 * </ul>
 *
 * Each body is written compact (as an EHR sends it) to {@code <out>/<id>.json}; {@code <out>/requests.env} (sourced by
 * run.sh) names the endpoint, the source file, the size and the number of prefetched resources of each. An example
 * missing from cds-hooks/examples/ is taken from bench/fixtures/ and the report says so.
 *
 * <p>Usage: {@code RequestGenerator --examples=cds-hooks/examples --fixtures=bench/fixtures --out=bench/target/requests
 * --fhir-server=http://127.0.0.1:8091/fhir}
 */
public final class RequestGenerator {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private RequestGenerator() {}

  public static void main(String[] argv) throws IOException {
    Args args = new Args(argv);
    Path examples = Path.of(args.get("examples", "cds-hooks/examples"));
    Path fixtures = Path.of(args.get("fixtures", "bench/fixtures"));
    Path out = Path.of(args.get("out", "bench/target/requests"));
    String fhirServer = args.require("fhir-server");
    Files.createDirectories(out);
    StringBuilder env = new StringBuilder();
    String[][] scenarios = {{"a", "solitary-lung-favourable"}, {"b", "no-rcc"}, {"c", "prefetch-missing"}};
    for (String[] s : scenarios) {
      String id = s[0];
      String token = s[1];
      Path src = findRequest(examples, token).or(() -> findRequest(fixtures, token))
          .orElseThrow(() -> new IllegalStateException("no example request for '" + token + "' in " + examples + " or " + fixtures));
      ObjectNode req = (ObjectNode) MAPPER.readTree(src.toFile());
      if (id.equals("c")) {
        req.put("fhirServer", fhirServer);
      }
      byte[] body = MAPPER.writeValueAsBytes(req);
      Path file = out.resolve(id + ".json");
      Files.write(file, body);
      String hook = req.path("hook").asText();
      env.append(var(id, "FILE", file.toAbsolutePath().toString()))
          .append(var(id, "PATH", "/cds-services/metastasectomy-" + hook))
          .append(var(id, "HOOK", hook))
          .append(var(id, "SOURCE", src.toString()))
          .append(var(id, "FROM_FIXTURE", src.startsWith(fixtures) ? "yes" : "no"))
          .append(var(id, "BYTES", Integer.toString(body.length)))
          .append(var(id, "RESOURCES", Integer.toString(countResources(req.path("prefetch")))))
          .append(var(id, "PREFETCH_KEYS", Integer.toString(req.path("prefetch").size())));
      System.out.printf("%s: %s -> %s (%d bytes, %d prefetched resources)%n", id, src, file, body.length,
          countResources(req.path("prefetch")));
    }
    Path stubDir = findStubDir(examples).or(() -> findStubDir(fixtures))
        .orElseThrow(() -> new IllegalStateException("no prefetch-missing/fhir-server folder in " + examples + " or " + fixtures));
    env.append("STUB_DIR='").append(stubDir.toAbsolutePath()).append("'\n");
    env.append("STUB_FROM_FIXTURE='").append(stubDir.startsWith(fixtures) ? "yes" : "no").append("'\n");
    Files.writeString(out.resolve("requests.env"), env.toString());
    System.out.println("stub FHIR server files: " + stubDir);
  }

  private static String var(String id, String name, String value) {
    return "REQ_" + id + "_" + name + "='" + value.replace("'", "") + "'\n";
  }

  /** A JSON file under dir whose path names the token and whose content is a hook request (has "hook" and "context"). */
  static Optional<Path> findRequest(Path dir, String token) {
    if (!Files.isDirectory(dir)) {
      return Optional.empty();
    }
    try (Stream<Path> files = Files.walk(dir, 4)) {
      List<Path> candidates = new ArrayList<>();
      files.filter(p -> p.toString().endsWith(".json"))
          .filter(p -> dir.relativize(p).toString().toLowerCase(Locale.ROOT).contains(token))
          .filter(p -> !dir.relativize(p).toString().contains("fhir-server"))
          .filter(RequestGenerator::isHookRequest)
          .forEach(candidates::add);
      // prefer a file called *request*, then the shortest path
      return candidates.stream()
          .min(Comparator.<Path>comparingInt(p -> p.getFileName().toString().contains("request") ? 0 : 1)
              .thenComparingInt(p -> p.toString().length()).thenComparing(Path::toString));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static boolean isHookRequest(Path p) {
    try {
      JsonNode n = MAPPER.readTree(p.toFile());
      return n != null && n.isObject() && n.hasNonNull("hook") && n.has("context");
    } catch (IOException e) {
      return false;
    }
  }

  static Optional<Path> findStubDir(Path dir) {
    if (!Files.isDirectory(dir)) {
      return Optional.empty();
    }
    try (Stream<Path> dirs = Files.walk(dir, 4)) {
      return dirs.filter(Files::isDirectory)
          .filter(p -> p.getFileName().toString().equals("fhir-server"))
          .filter(p -> dir.relativize(p).toString().toLowerCase(Locale.ROOT).contains("prefetch-missing"))
          .min(Comparator.comparing(Path::toString));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Resources in a prefetch object: each single resource counts one, each Bundle counts its entries. */
  static int countResources(JsonNode prefetch) {
    int n = 0;
    for (JsonNode v : prefetch) {
      if (v == null || v.isNull()) {
        continue;
      }
      if ("Bundle".equals(v.path("resourceType").asText())) {
        n += v.path("entry").size();
      } else if (v.has("resourceType")) {
        n++;
      }
    }
    return n;
  }
}
