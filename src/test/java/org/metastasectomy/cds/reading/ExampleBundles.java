package org.metastasectomy.cds.reading;

import org.metastasectomy.cds.intake.ContractValidator;
import org.metastasectomy.cds.intake.ProfileSelector;

import ca.uhn.fhir.context.FhirContext;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Builds fhir-profiles/examples/&lt;scenario&gt;.json from cds-hooks/examples/&lt;scenario&gt;/: one collection Bundle with
 * the patient's record as the request carries it (prefetch, or the fhir-server/ files when the request has none),
 * de-duplicated by type and id, each resource tagged with the profiles of ours it is meant to follow. Draft orders
 * are left out: they are the order being written, not the chart.
 */
public final class ExampleBundles {
  public static final Path REQUESTS = Path.of("cds-hooks/examples");
  public static final Path EXAMPLES = Path.of("fhir-profiles/examples");
  public static final Path PROFILES = Path.of("fhir-profiles");
  /** The base the example fullUrls live under (the example EHR's, as in the requests). */
  public static final String BASE = "https://ehr.example.org/fhir";

  /** Decimals are kept as written ("2.0" stays "2.0": in FHIR the digits carry the precision). */
  public static final ObjectMapper JSON = JsonMapper.builder()
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
      .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
      .build();

  private ExampleBundles() {}

  /** One validator for all tests of a run: building and warming it up takes tens of seconds. */
  public static synchronized ContractValidator contract() {
    if (contract == null) {
      contract = ContractValidator.of(FhirContext.forR4Cached(), conformanceJson());
    }
    return contract;
  }

  private static ContractValidator contract;

  public static List<String> conformanceJson() {
    try (Stream<Path> files = Files.list(PROFILES)) {
      return files.filter(p -> p.toString().endsWith(".json")).sorted().map(ExampleBundles::read).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static List<String> scenarios() {
    try (Stream<Path> dirs = Files.list(REQUESTS)) {
      return dirs.filter(d -> Files.exists(d.resolve("request.json"))).map(d -> d.getFileName().toString()).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static ObjectNode build(String scenario, ProfileSelector selector) {
    Map<String, JsonNode> byId = new LinkedHashMap<>();
    for (JsonNode resource : recordOf(scenario)) {
      String key = resource.path("resourceType").asText() + "/" + resource.path("id").asText();
      JsonNode earlier = byId.putIfAbsent(key, resource);
      if (earlier != null && !earlier.equals(resource)) {
        throw new IllegalStateException(scenario + ": two different versions of " + key);
      }
    }
    ObjectNode bundle = JSON.createObjectNode();
    bundle.put("resourceType", "Bundle");
    bundle.put("id", scenario);
    bundle.put("type", "collection");
    ArrayNode entries = bundle.putArray("entry");
    byId.forEach((key, resource) -> {
      ObjectNode entry = entries.addObject();
      entry.put("fullUrl", BASE + "/" + key);
      entry.set("resource", tagged((ObjectNode) resource.deepCopy(), selector.profilesFor(resource)));
    });
    return bundle;
  }

  /** The resources of the patient's chart as the scenario's request carries them, in prefetch order. */
  private static List<JsonNode> recordOf(String scenario) {
    Path dir = REQUESTS.resolve(scenario);
    JsonNode request = tree(dir.resolve("request.json"));
    List<JsonNode> out = new ArrayList<>();
    if (request.hasNonNull("prefetch")) {
      request.get("prefetch").forEach(value -> addAll(value, out));
      return out;
    }
    Path server = dir.resolve("fhir-server");
    for (String file : List.of("Patient.json", "Condition.json", "Observation.json", "Procedure.json",
        "MedicationRequest.json", "ServiceRequest.json")) {
      if (Files.exists(server.resolve(file))) {
        addAll(tree(server.resolve(file)), out);
      }
    }
    return out;
  }

  private static void addAll(JsonNode value, List<JsonNode> out) {
    if (value == null || value.isNull()) {
      return;
    }
    if ("Bundle".equals(value.path("resourceType").asText())) {
      value.path("entry").forEach(e -> {
        if (e.hasNonNull("resource")) {
          out.add(e.get("resource"));
        }
      });
    } else {
      out.add(value);
    }
  }

  private static ObjectNode tagged(ObjectNode resource, List<String> ours) {
    if (ours.isEmpty()) {
      return resource;
    }
    ObjectNode meta = resource.has("meta") ? (ObjectNode) resource.get("meta") : JSON.createObjectNode();
    ArrayNode profiles = meta.has("profile") ? (ArrayNode) meta.get("profile") : meta.putArray("profile");
    for (String profile : ours) {
      boolean present = false;
      for (JsonNode p : profiles) {
        present |= p.asText().equals(profile);
      }
      if (!present) {
        profiles.add(profile);
      }
    }
    // meta first, as FHIR JSON writers put it
    ObjectNode out = JSON.createObjectNode();
    out.set("resourceType", resource.get("resourceType"));
    out.set("id", resource.get("id"));
    out.set("meta", meta);
    resource.fields().forEachRemaining(f -> {
      if (!out.has(f.getKey())) {
        out.set(f.getKey(), f.getValue());
      }
    });
    return out;
  }

  public static Path fileOf(String scenario) {
    return EXAMPLES.resolve(scenario + ".json");
  }

  public static void write(Path file, JsonNode bundle) {
    DefaultPrettyPrinter printer = new DefaultPrettyPrinter()
        .withSeparators(Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER))
        .withArrayIndenter(DefaultIndenter.SYSTEM_LINEFEED_INSTANCE);
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, JSON.writer(printer).writeValueAsString(bundle) + "\n");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static JsonNode tree(Path file) {
    try {
      return JSON.readTree(file.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
