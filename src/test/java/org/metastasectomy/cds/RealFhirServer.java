package org.metastasectomy.cds;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.ByteArrayOutputStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The real HAPI FHIR JPA server of {@code fhir-test-server/} in a JVM of its own (its jars never meet the service's test
 * class path), loaded with the project's own {@code load-examples} and then restarted, so that the tests meet it cold
 * as an EHR's server is met after a restart. It answers on 127.0.0.1 but writes its paging links as
 * {@code http://localhost:PORT/fhir}: another name of the same server, as internal and external names differ in real
 * deployments. Its largest page is {@link #MAX_PAGE_SIZE}, so a patient with 108 Observations needs several pages.
 */
final class RealFhirServer implements AutoCloseable {
  static final String JAR_PROPERTY = "fhir.test.server.jar";
  static final int MAX_PAGE_SIZE = 50;
  private static final Duration START_TIMEOUT = Duration.ofMinutes(10);

  private final Process process;
  private final int port;
  final long startMillis;

  private RealFhirServer(Process process, int port, long startMillis) {
    this.process = process;
    this.port = port;
    this.startMillis = startMillis;
  }

  /** The name the service is called with (the request's fhirServer). */
  String base() {
    return "http://127.0.0.1:" + port + "/fhir";
  }

  /** The name the server writes into its paging links. */
  String alias() {
    return "http://localhost:" + port + "/fhir";
  }

  /** Starts the server on a fresh database, loads the examples with load-examples, stops it and starts it again. */
  static RealFhirServer loadedThenRestarted() throws Exception {
    Path database = Files.createTempDirectory("real-fhir-server");
    String loadOutput;
    try (RealFhirServer first = start(database, freePort(), List.of())) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      int exit = LoadExamplesCommand.run(new String[] {"load-examples", "--fhir-server", first.base()},
          new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(out, true, StandardCharsets.UTF_8));
      loadOutput = out.toString(StandardCharsets.UTF_8);
      if (exit != 0) {
        throw new IllegalStateException("load-examples failed: " + loadOutput);
      }
    }
    int port = freePort();
    RealFhirServer server = start(database, port, List.of("--server-address", "http://localhost:" + port + "/fhir/",
        "--max-page-size", String.valueOf(MAX_PAGE_SIZE)));
    System.out.println("RealFhirServer: " + loadOutput.trim() + "; restarted cold in " + server.startMillis + " ms");
    return server;
  }

  private static RealFhirServer start(Path database, int port, List<String> options) throws Exception {
    String jar = System.getProperty(JAR_PROPERTY);
    if (jar == null || !Files.exists(Path.of(jar))) {
      throw new IllegalStateException("the real FHIR server jar is missing (" + jar + "): build it with "
          + "./mvnw -f fhir-test-server/pom.xml package, and run with -Preal-fhir");
    }
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx1g", "-XX:+ExitOnOutOfMemoryError", "-jar", jar, "--database", database.toString(), "--port", String.valueOf(port)));
    command.addAll(options);
    Path log = Files.createTempFile("real-fhir-server", ".log");
    Process process = new ProcessBuilder(command).redirectError(log.toFile()).start();
    BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    String line;
    while ((line = out.readLine()) != null) {
      if (line.startsWith("FHIR-TEST-SERVER READY ")) {
        return new RealFhirServer(process, port, Long.parseLong(line.substring(line.lastIndexOf(' ') + 1)));
      }
      if (System.nanoTime() > deadline) {
        break;
      }
    }
    process.destroyForcibly();
    throw new IllegalStateException("the real FHIR server did not start; its log: " + log);
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  @Override
  public void close() throws Exception {
    process.getOutputStream().close(); // the server stops when its standard input closes
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    }
  }
}
