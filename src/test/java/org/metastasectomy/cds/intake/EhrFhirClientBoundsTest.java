package org.metastasectomy.cds.intake;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;
import org.apache.http.impl.client.CloseableHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The bounds of the EHR client (issue 15, findings 1 and 5): keys beyond a server's queue fail at once; every answer is
 * capped (bytes on the wire, unpacked bytes, entries) and a capped key fails rather than being cut; a fetch past the
 * deadline is really stopped (the request aborted, the thread free for the next one); one server that drip-feeds its
 * answers cannot take the threads another server needs.
 */
class EhrFhirClientBoundsTest {
  static final Duration DEADLINE = Duration.ofMillis(800);
  static final String EMPTY = "{\"resourceType\":\"Bundle\",\"type\":\"searchset\"}";

  WireMockServer server;
  CloseableHttpClient http;
  ThreadPoolExecutor executor;

  @BeforeEach
  void start() {
    server = new WireMockServer(wireMockConfig().dynamicPort());
    server.start();
    http = TestEhrClients.http();
    executor = new ThreadPoolExecutor(1, 1, 60, TimeUnit.SECONDS, new ArrayBlockingQueue<>(1), new ThreadPoolExecutor.AbortPolicy());
  }

  @AfterEach
  void stop() throws Exception {
    executor.shutdownNow();
    http.close();
    server.stop();
  }

  @Test
  void keysBeyondAServersQueueFailAtOnceAndTheRestStopAtTheDeadline() {
    server.stubFor(get(anyUrl()).willReturn(fhir(EMPTY).withFixedDelay(3000)));
    EhrFhirClient client = client(settings().withConcurrency(1, 1));
    Map<String, String> queries = new LinkedHashMap<>();
    for (int i = 0; i < 20; i++) {
      queries.put("key" + i, "Observation?patient=" + i);
    }

    Map<String, FetchResult> results = client.fetchAll(base(), "token", queries, DEADLINE);

    assertThat(results).hasSize(20).allSatisfy((key, r) -> assertThat(r.failed()).isTrue());
    // one runs, sixteen wait in the server's queue (16 x its one thread), three are refused
    assertThat(results.values().stream().filter(r -> r.failure().contains("not attempted"))).hasSize(3);
    assertThat(results.values().stream().filter(r -> r.failure().contains("deadline"))).hasSize(17);
    assertThat(server.getAllServeEvents().size()).isLessThanOrEqualTo(1);
  }

  @Test
  void anAnswerOverTheCapFailsTheKey() {
    server.stubFor(get(urlPathEqualTo("/fhir/Observation")).willReturn(fhir(bundleOf(4000))));
    EhrFhirClient client = client(settings().withCaps(10, 200, 64 * 1024, 100_000));

    FetchResult result = client.fetchAll(base(), "token", Map.of("observations", "Observation?patient=1"), Duration.ofSeconds(20))
        .get("observations");

    assertThat(result.failed()).isTrue();
    assertThat(result.failure()).contains("cds.fhir.max-answer-size");
  }

  @Test
  void aGzipAnswerIsUnpackedWithinTheCapAndABombStopsThere() throws IOException {
    server.stubFor(get(urlPathEqualTo("/fhir/Condition")).willReturn(gzip(bundleOf(3).getBytes(StandardCharsets.UTF_8))));
    server.stubFor(get(urlPathEqualTo("/fhir/Observation")).willReturn(gzip(bomb(64 * 1024 * 1024))));
    EhrFhirClient client = client(settings().withCaps(10, 200, 1024 * 1024, 100_000));
    Map<String, String> queries = new LinkedHashMap<>();
    queries.put("conditions", "Condition?patient=1");
    queries.put("observations", "Observation?patient=1");

    Map<String, FetchResult> results = client.fetchAll(base(), "token", queries, Duration.ofSeconds(20));

    assertThat(results.get("conditions").failed()).as(results.get("conditions").failure()).isFalse();
    assertThat(results.get("conditions").resources()).hasSize(3);
    assertThat(results.get("observations").failed()).isTrue();
    assertThat(results.get("observations").failure()).contains("cds.fhir.max-answer-size");
  }

  @Test
  void moreEntriesThanTheCapFailTheKey() {
    server.stubFor(get(urlPathEqualTo("/fhir/Observation")).willReturn(fhir(bundleOf(101))));
    EhrFhirClient client = client(settings().withCaps(10, 200, 4 * 1024 * 1024, 100));

    FetchResult result = client.fetchAll(base(), "token", Map.of("observations", "Observation?patient=1"), Duration.ofSeconds(20))
        .get("observations");

    assertThat(result.failure()).contains("cds.fhir.max-entries");
  }

  @Test
  void searchesAskForLargePages() {
    server.stubFor(get(urlPathEqualTo("/fhir/Observation")).willReturn(fhir(bundleOf(2))));
    EhrFhirClient client = client(settings().withCaps(10, 250, 4 * 1024 * 1024, 2000));

    client.fetchAll(base(), "token", Map.of("observations", "Observation?patient=1"), Duration.ofSeconds(20));

    assertThat(server.getAllServeEvents()).singleElement()
        .satisfies(e -> assertThat(e.getRequest().queryParameter("_count").firstValue()).isEqualTo("250"));
  }

  @Test
  void aFetchPastTheDeadlineIsAbortedAndItsThreadIsFreeForTheNextRequest() throws Exception {
    // bytes keep coming, so no read timeout fires: only the deadline can stop this answer
    server.stubFor(get(urlPathEqualTo("/fhir/Observation"))
        .willReturn(fhir(bundleOf(200)).withGzipDisabled(true).withChunkedDribbleDelay(400, 30_000)));
    server.stubFor(get(urlPathEqualTo("/fhir/Condition")).willReturn(fhir(bundleOf(1))));
    EhrFhirClient client = client(settings().withConcurrency(1, 1));

    FetchResult slow = client.fetchAll(base(), "token", Map.of("observations", "Observation?patient=1"), DEADLINE)
        .get("observations");
    boolean freed = waitUntil(() -> executor.getActiveCount() == 0, Duration.ofSeconds(10));
    FetchResult next = client.fetchAll(base(), "token", Map.of("conditions", "Condition?patient=1"), Duration.ofSeconds(5))
        .get("conditions");

    assertThat(slow.failure()).contains("deadline");
    assertThat(freed).as("the fetch thread is released once the deadline has passed").isTrue();
    assertThat(next.failed()).as(next.failure()).isFalse();
  }

  @Test
  void oneDripFeedingServerCannotTakeTheThreadsAnotherServerNeeds() throws Exception {
    WireMockServer other = new WireMockServer(wireMockConfig().dynamicPort());
    other.start();
    ThreadPoolExecutor pool = new ThreadPoolExecutor(4, 4, 60, TimeUnit.SECONDS, new ArrayBlockingQueue<>(64));
    try {
      server.stubFor(get(anyUrl()).willReturn(fhir(bundleOf(200)).withGzipDisabled(true).withChunkedDribbleDelay(400, 20_000)));
      other.stubFor(get(anyUrl()).willReturn(fhir(bundleOf(1))));
      String healthy = other.baseUrl() + "/fhir";
      EhrFhirClient client = TestEhrClients.client(http, List.of(base(), healthy), settings().withConcurrency(4, 2), pool,
          TestEhrClients.breakers(), FetchListener.NONE);
      Map<String, String> keys = Map.of("conditions", "Condition?patient=1", "observations", "Observation?patient=1");
      for (int i = 0; i < 3; i++) {
        Thread t = new Thread(() -> client.fetchAll(base(), "token", keys, Duration.ofSeconds(15)));
        t.setDaemon(true);
        t.start();
      }
      waitUntil(() -> pool.getActiveCount() >= 2, Duration.ofSeconds(5));

      Map<String, FetchResult> results = client.fetchAll(healthy, "token", keys, Duration.ofSeconds(5));

      assertThat(results).allSatisfy((key, r) -> assertThat(r.failed()).as(r.failure()).isFalse());
    } finally {
      pool.shutdownNow();
      other.stop();
    }
  }

  private EhrFhirClient client(FetchSettings settings) {
    return TestEhrClients.client(http, List.of(base()), settings, executor, TestEhrClients.breakers(), FetchListener.NONE);
  }

  private static FetchSettings settings() {
    return FetchSettings.defaults().withTimeouts(Duration.ofMillis(500), Duration.ofSeconds(10));
  }

  private String base() {
    return server.baseUrl() + "/fhir";
  }

  static ResponseDefinitionBuilder fhir(String body) {
    return aResponse().withStatus(200).withHeader("Content-Type", "application/fhir+json").withBody(body);
  }

  private static ResponseDefinitionBuilder gzip(byte[] body) throws IOException {
    ByteArrayOutputStream packed = new ByteArrayOutputStream();
    try (GZIPOutputStream out = new GZIPOutputStream(packed)) {
      out.write(body);
    }
    return aResponse().withStatus(200).withHeader("Content-Type", "application/fhir+json")
        .withHeader("Content-Encoding", "gzip").withGzipDisabled(true).withBody(packed.toByteArray());
  }

  /** A valid searchset that unpacks to {@code size} bytes, almost all of them white space. */
  private static byte[] bomb(int size) {
    String head = "{\"resourceType\":\"Bundle\",\"type\":\"searchset\",\"entry\":[";
    byte[] out = new byte[size];
    java.util.Arrays.fill(out, (byte) ' ');
    System.arraycopy(head.getBytes(StandardCharsets.US_ASCII), 0, out, 0, head.length());
    out[size - 2] = ']';
    out[size - 1] = '}';
    return out;
  }

  /** A searchset of {@code n} Observations of patient 1. */
  static String bundleOf(int n) {
    StringBuilder b = new StringBuilder("{\"resourceType\":\"Bundle\",\"type\":\"searchset\",\"entry\":[");
    for (int i = 0; i < n; i++) {
      b.append(i == 0 ? "" : ",").append("{\"resource\":{\"resourceType\":\"Observation\",\"id\":\"o").append(i)
          .append("\",\"status\":\"final\",\"code\":{\"text\":\"haemoglobin\"},\"subject\":{\"reference\":\"Patient/1\"}}}");
    }
    return b.append("]}").toString();
  }

  static boolean waitUntil(java.util.function.BooleanSupplier condition, Duration atMost) throws InterruptedException {
    long end = System.nanoTime() + atMost.toNanos();
    while (System.nanoTime() < end) {
      if (condition.getAsBoolean()) {
        return true;
      }
      Thread.sleep(20);
    }
    return condition.getAsBoolean();
  }
}
