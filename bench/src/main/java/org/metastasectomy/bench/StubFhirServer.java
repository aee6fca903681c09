package org.metastasectomy.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Stream;

/**
 * A stand-in for the EHR's FHIR server in the "prefetch missing" scenario: serves the JSON files of one folder (one file
 * per resource type: {@code Patient.json}, {@code Condition.json}, ...) and waits a fixed delay (20 ms by default)
 * before every answer, as a remote server would.
 *
 * <ul>
 *   <li>{@code GET /fhir/metadata}: a minimal CapabilityStatement.
 *   <li>{@code GET /fhir/{Type}/{id}}: the file's resource if its id matches (or the Bundle entry with that id), else 404.
 *   <li>{@code GET /fhir/{Type}?...} and {@code POST /fhir/{Type}/_search}: the file as a searchset Bundle (a single
 *       resource is wrapped; a type without a file gives an empty Bundle). Search parameters are not applied.
 *   <li>{@code GET /__stats} (no delay): how many requests each distinct path+query received; {@code POST /__reset}.
 * </ul>
 *
 * <p>Usage: {@code StubFhirServer --port=8091 --dir=cds-hooks/examples/prefetch-missing/fhir-server [--delay-ms=20]}
 */
public final class StubFhirServer {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final String FHIR_JSON = "application/fhir+json";

  private final Map<String, JsonNode> byType = new HashMap<>();
  private final Map<String, LongAdder> queries = new ConcurrentHashMap<>();
  private final long delayMs;
  private final byte[] metadata;

  private StubFhirServer(Path dir, long delayMs) throws IOException {
    this.delayMs = delayMs;
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".json"))::iterator) {
        JsonNode node = MAPPER.readTree(f.toFile());
        String type = f.getFileName().toString().replaceFirst("\\.json$", "");
        byType.put(type, node);
      }
    }
    ObjectNode cs = MAPPER.createObjectNode();
    cs.put("resourceType", "CapabilityStatement");
    cs.put("status", "active");
    cs.put("date", "2025-01-01");
    cs.put("kind", "instance");
    cs.put("fhirVersion", "4.0.1");
    cs.putArray("format").add("json");
    ObjectNode rest = cs.putArray("rest").addObject();
    rest.put("mode", "server");
    ArrayNode resources = rest.putArray("resource");
    new TreeMap<>(byType).keySet().forEach(t -> {
      ObjectNode r = resources.addObject();
      r.put("type", t);
      r.putArray("interaction").addObject().put("code", "read");
      r.withArray("interaction").addObject().put("code", "search-type");
    });
    metadata = MAPPER.writeValueAsBytes(cs);
  }

  public static void main(String[] argv) throws IOException {
    System.setProperty("sun.net.httpserver.nodelay", "true");
    Args args = new Args(argv);
    int port = args.getInt("port", 8091);
    Path dir = Path.of(args.require("dir"));
    StubFhirServer stub = new StubFhirServer(dir, args.getInt("delay-ms", 20));
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 1024);
    server.setExecutor(Executors.newFixedThreadPool(args.getInt("threads", 256)));
    server.createContext("/fhir", stub::fhir);
    server.createContext("/__stats", stub::stats);
    server.createContext("/__reset", ex -> {
      stub.queries.clear();
      send(ex, 200, "application/json", "{}".getBytes(StandardCharsets.UTF_8));
    });
    server.start();
    Runtime.getRuntime().addShutdownHook(new Thread(() -> server.stop(0)));
    System.out.println("stub FHIR server ready on http://127.0.0.1:" + port + "/fhir serving " + new TreeMap<>(stub.byType).keySet()
        + " from " + dir + " with " + stub.delayMs + " ms delay");
  }

  private void stats(HttpExchange ex) throws IOException {
    drain(ex.getRequestBody());
    ObjectNode out = MAPPER.createObjectNode();
    ObjectNode q = out.putObject("queries");
    long total = 0;
    for (Map.Entry<String, LongAdder> e : new TreeMap<>(queries).entrySet()) {
      q.put(e.getKey(), e.getValue().sum());
      total += e.getValue().sum();
    }
    out.put("total", total);
    send(ex, 200, "application/json", MAPPER.writeValueAsBytes(out));
  }

  private void fhir(HttpExchange ex) throws IOException {
    drain(ex.getRequestBody());
    String path = ex.getRequestURI().getRawPath();
    String query = ex.getRequestURI().getRawQuery();
    queries.computeIfAbsent(ex.getRequestMethod() + " " + path + (query == null ? "" : "?" + query), k -> new LongAdder())
        .increment();
    int status;
    byte[] body;
    String[] parts = path.substring("/fhir".length()).replaceAll("^/+|/+$", "").split("/");
    if (parts.length == 1 && parts[0].equals("metadata")) {
      status = 200;
      body = metadata;
    } else if (parts.length == 1 && !parts[0].isEmpty() && "GET".equals(ex.getRequestMethod())
        || parts.length == 2 && parts[1].equals("_search") && "POST".equals(ex.getRequestMethod())) {
      status = 200;
      body = MAPPER.writeValueAsBytes(searchset(parts[0]));
    } else if (parts.length == 2 && "GET".equals(ex.getRequestMethod())) {
      JsonNode found = read(parts[0], parts[1]);
      status = found == null ? 404 : 200;
      body = MAPPER.writeValueAsBytes(found == null ? notFound(parts[0] + "/" + parts[1]) : found);
    } else {
      status = 400;
      body = MAPPER.writeValueAsBytes(outcome("not-supported", "the stub does not support " + ex.getRequestMethod() + " " + path));
    }
    sleep();
    send(ex, status, FHIR_JSON, body);
  }

  private JsonNode searchset(String type) {
    JsonNode file = byType.get(type);
    if (file != null && "Bundle".equals(file.path("resourceType").asText())) {
      return file;
    }
    ObjectNode bundle = MAPPER.createObjectNode();
    bundle.put("resourceType", "Bundle");
    bundle.put("type", "searchset");
    ArrayNode entries = MAPPER.createArrayNode();
    if (file != null) {
      ObjectNode e = entries.addObject();
      e.put("fullUrl", type + "/" + file.path("id").asText());
      e.set("resource", file);
      e.putObject("search").put("mode", "match");
    }
    bundle.put("total", entries.size());
    bundle.set("entry", entries);
    return bundle;
  }

  private JsonNode read(String type, String id) {
    JsonNode file = byType.get(type);
    if (file == null) {
      return null;
    }
    if (type.equals(file.path("resourceType").asText())) {
      return id.equals(file.path("id").asText()) ? file : null;
    }
    for (JsonNode e : file.path("entry")) {
      JsonNode r = e.path("resource");
      if (type.equals(r.path("resourceType").asText()) && id.equals(r.path("id").asText())) {
        return r;
      }
    }
    return null;
  }

  private static ObjectNode notFound(String what) {
    return outcome("not-found", what + " is not known to the stub");
  }

  private static ObjectNode outcome(String code, String text) {
    ObjectNode oo = MAPPER.createObjectNode();
    oo.put("resourceType", "OperationOutcome");
    ObjectNode issue = oo.putArray("issue").addObject();
    issue.put("severity", "error");
    issue.put("code", code);
    issue.put("diagnostics", text);
    return oo;
  }

  private void sleep() {
    try {
      Thread.sleep(delayMs);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void drain(InputStream in) throws IOException {
    try (in) {
      in.readAllBytes();
    }
  }

  private static void send(HttpExchange ex, int status, String contentType, byte[] body) throws IOException {
    ex.getResponseHeaders().set("Content-Type", contentType);
    ex.sendResponseHeaders(status, body.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(body);
    }
  }
}
