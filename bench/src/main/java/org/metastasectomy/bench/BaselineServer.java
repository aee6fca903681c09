package org.metastasectomy.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The least any CDS Hooks service must do: read the whole request body, parse it with Jackson into a tree, and write a
 * fixed small response. The benchmark runs it side by side with the service and reports the service's throughput as a
 * ratio of this one's on the same body.
 *
 * <p>Endpoints mirror the service's: {@code POST /cds-services/{id}} answers {@code {"cards":[]}}; {@code GET
 * /cds-services} answers an empty discovery document; {@code GET /actuator/health/readiness} answers UP.
 *
 * <p>Usage: {@code java -cp ... org.metastasectomy.bench.BaselineServer --server.port=8090 [--threads=32]}
 */
public final class BaselineServer {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final byte[] CARDS = "{\"cards\":[]}".getBytes(StandardCharsets.UTF_8);
  private static final byte[] DISCOVERY = "{\"services\":[]}".getBytes(StandardCharsets.UTF_8);
  private static final byte[] UP = "{\"status\":\"UP\"}".getBytes(StandardCharsets.UTF_8);
  private static final byte[] BAD = "{\"error\":\"request body is not JSON\"}".getBytes(StandardCharsets.UTF_8);

  private BaselineServer() {}

  public static void main(String[] argv) throws IOException {
    // Without TCP_NODELAY the JDK server's keep-alive responses can wait on Nagle + delayed ACK (40 ms stalls).
    System.setProperty("sun.net.httpserver.nodelay", "true");
    Args args = new Args(argv);
    int port = Integer.parseInt(args.get("server.port", args.get("port", "8090")));
    int threads = args.getInt("threads", 32);
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 1024);
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    server.setExecutor(pool);
    server.createContext("/cds-services", BaselineServer::cdsServices);
    server.createContext("/actuator/health", ex -> send(ex, 200, UP));
    server.createContext("/", ex -> send(ex, 404, "{\"error\":\"not found\"}".getBytes(StandardCharsets.UTF_8)));
    server.start();
    Runtime.getRuntime().addShutdownHook(new Thread(() -> server.stop(0)));
    System.out.println("baseline ready on http://127.0.0.1:" + port + " with " + threads + " threads");
  }

  private static void cdsServices(HttpExchange ex) throws IOException {
    String method = ex.getRequestMethod();
    if ("GET".equals(method)) {
      drain(ex.getRequestBody());
      send(ex, 200, DISCOVERY);
      return;
    }
    if (!"POST".equals(method)) {
      send(ex, 405, "{\"error\":\"method not allowed\"}".getBytes(StandardCharsets.UTF_8));
      return;
    }
    JsonNode request;
    try (InputStream in = ex.getRequestBody()) {
      request = MAPPER.readTree(in.readAllBytes());
    } catch (IOException e) {
      send(ex, 400, BAD);
      return;
    }
    if (request == null || !request.isObject() || !request.hasNonNull("hook")) {
      send(ex, 400, BAD);
      return;
    }
    send(ex, 200, CARDS);
  }

  private static void drain(InputStream in) throws IOException {
    try (in) {
      in.readAllBytes();
    }
  }

  private static void send(HttpExchange ex, int status, byte[] body) throws IOException {
    ex.getResponseHeaders().set("Content-Type", "application/json");
    ex.sendResponseHeaders(status, body.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(body);
    }
  }
}
