package org.metastasectomy.cds;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The real HAPI FHIR JPA server of {@code fhir-test-server/} in a JVM of its own (its jars never meet the service's test
 * class path), loaded with the project's own {@code load-examples}. It answers on 127.0.0.1 but writes its paging links
 * as {@code http://localhost:PORT/fhir}: another name of the same server, as internal and external names differ in
 * real deployments. Its largest page is {@link #MAX_PAGE_SIZE}, so a patient with 108 Observations needs three pages.
 *
 * <p>Its state is explicit, so that "cold" means one thing however loaded the machine is: after {@link #restart} it is
 * a fresh JVM on the same database and port that has answered its readiness probe (its capability statement; see
 * FhirTestServer), has finished its own start-up work (its process idle) and has served no search. The harness waits
 * as long as that takes (minutes on a loaded machine); only the calls after that are the service's.
 *
 * <p>One server per test JVM ({@link #shared}), loaded once, for every real-fhir test class; it stops with the JVM.
 */
final class RealFhirServer implements AutoCloseable {
  static final String JAR_PROPERTY = "fhir.test.server.jar";
  static final int MAX_PAGE_SIZE = 50;
  private static final Duration START_TIMEOUT = Duration.ofMinutes(10);
  /** Longest wait for a restarted server's process to go idle, and what idle means (CPU time per second). */
  private static final Duration SETTLE_TIMEOUT = Duration.ofMinutes(3);
  private static final Duration IDLE_CPU_PER_SECOND = Duration.ofMillis(100);
  private static RealFhirServer shared;

  private final Path database;
  private final int port;
  private Process process;
  private long startMillis;
  private long probeMillis;
  private long settleMillis;

  private RealFhirServer(Path database, int port) {
    this.database = database;
    this.port = port;
  }

  /** The name the service is called with (the request's fhirServer). */
  String base() {
    return "http://127.0.0.1:" + port + "/fhir";
  }

  /** The name the server writes into its paging links. */
  String alias() {
    return "http://localhost:" + port + "/fhir";
  }

  /** The server of this test JVM: started and loaded on first use, stopped when the JVM exits. */
  static synchronized RealFhirServer shared() {
    if (shared == null) {
      try {
        shared = loaded();
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
      RealFhirServer server = shared;
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        try {
          server.close();
        } catch (Exception e) {
          // the server also stops when its standard input closes with this JVM
        }
      }));
    }
    return shared;
  }

  /** Starts the server on a fresh database and loads the examples with load-examples (it is then warm). */
  private static RealFhirServer loaded() throws Exception {
    RealFhirServer server = new RealFhirServer(Files.createTempDirectory("real-fhir-server"), freePort());
    server.start();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int exit = LoadExamplesCommand.run(new String[] {"load-examples", "--fhir-server", server.base()},
        new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(out, true, StandardCharsets.UTF_8));
    if (exit != 0) {
      server.close();
      throw new IllegalStateException("load-examples failed: " + out.toString(StandardCharsets.UTF_8));
    }
    System.out.println("RealFhirServer: " + out.toString(StandardCharsets.UTF_8).trim());
    return server;
  }

  /**
   * Stops the server and starts it again on the same database and port: ready (its readiness probe answered), settled
   * (its process idle: start-up work done) and cold (no search served).
   */
  synchronized void restart() throws Exception {
    stop();
    start();
    settle();
    System.out.printf("RealFhirServer: restarted in %d ms, readiness probe %d ms, idle after %d ms more; load average %s%n",
        startMillis, probeMillis, settleMillis, loadAverage());
  }

  /** Waits until the server's process used less than IDLE_CPU_PER_SECOND in a second (at most SETTLE_TIMEOUT). */
  private void settle() throws InterruptedException {
    long start = System.nanoTime();
    long deadline = start + SETTLE_TIMEOUT.toNanos();
    Duration before = cpu();
    while (System.nanoTime() < deadline) {
      Thread.sleep(1000);
      Duration now = cpu();
      if (now.minus(before).compareTo(IDLE_CPU_PER_SECOND) < 0) {
        break;
      }
      before = now;
    }
    settleMillis = (System.nanoTime() - start) / 1_000_000;
  }

  private Duration cpu() {
    return process.toHandle().info().totalCpuDuration().orElse(Duration.ZERO);
  }

  /** The machine's load average over the last minute (for the reports of the tests), or "?" where unknown. */
  static String loadAverage() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
    } catch (IOException | RuntimeException e) {
      return "?";
    }
  }

  private void start() throws Exception {
    String jar = System.getProperty(JAR_PROPERTY);
    if (jar == null || !Files.exists(Path.of(jar))) {
      throw new IllegalStateException("the real FHIR server jar is missing (" + jar + "): build it with "
          + "./mvnw -f fhir-test-server/pom.xml package, and run with -Preal-fhir");
    }
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx1g", "-XX:+ExitOnOutOfMemoryError", "-jar", jar, "--database", database.toString(), "--port", String.valueOf(port),
        "--server-address", alias() + "/", "--max-page-size", String.valueOf(MAX_PAGE_SIZE)));
    // its output goes to a file, read for the READY line: a pipe nobody reads after that would fill and stall the server
    Path log = Files.createTempFile("real-fhir-server", ".log");
    Process started = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    while (started.isAlive() && System.nanoTime() < deadline) {
      Optional<String> ready = new String(Files.readAllBytes(log), StandardCharsets.UTF_8).lines()
          .filter(l -> l.startsWith("FHIR-TEST-SERVER READY ")).findFirst();
      if (ready.isPresent()) {
        String[] words = ready.get().split(" ");
        process = started;
        startMillis = Long.parseLong(words[3]);
        probeMillis = Long.parseLong(words[4]);
        return;
      }
      Thread.sleep(200);
    }
    started.destroyForcibly();
    throw new IllegalStateException("the real FHIR server did not start; its log: " + log);
  }

  private void stop() throws Exception {
    if (process == null) {
      return;
    }
    process.getOutputStream().close(); // the server stops when its standard input closes
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    }
    process = null;
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  @Override
  public void close() throws Exception {
    stop();
  }
}
