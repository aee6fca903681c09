package org.metastasectomy.cds.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.http.impl.client.CloseableHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.metastasectomy.cds.cdshooks.CdsRequest;
import org.metastasectomy.cds.cdshooks.ServiceDescriptor;
import org.metastasectomy.cds.intake.PrefetchData;
import org.metastasectomy.cds.intake.PrefetchResolver;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.mock.env.MockEnvironment;

/**
 * The shipped fetch concurrency (cds.fhir.max-concurrency, max-concurrency-per-server and the HTTP pool), wired as the
 * service wires it: four patient-views at once fetch all their 24 keys from one server at the same time (at the old
 * 8 per server they went in three rounds), and a server that holds its whole bulkhead without answering still leaves
 * threads for another server. Only the deadlines and the read timeout are widened, so a loaded machine cannot turn
 * this into a timing test; nothing here is timed.
 */
class FetchConcurrencyDefaultsTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ServiceDescriptor PATIENT_VIEW = new ServiceDescriptor("patient-view", "t", "d", "s", sixKeys(), null);
  private static final int CHART_OPENS = 4;
  private static final int KEYS = CHART_OPENS * 6;

  private final List<AutoCloseable> toClose = new ArrayList<>();
  private CdsProperties.Fhir shipped;

  @AfterEach
  void stop() throws Exception {
    for (AutoCloseable c : toClose) {
      c.close();
    }
  }

  @Test
  void fourChartOpensFetchAllTheirKeysFromOneServerAtOnce() throws Exception {
    CountDownLatch allArrived = new CountDownLatch(KEYS);
    Ehr ehr = ehr(exchange -> {
      allArrived.countDown();
      allArrived.await(20, TimeUnit.SECONDS); // no answer before every GET of the four requests has arrived
    });
    PrefetchResolver resolver = resolver(ehr.base());

    List<CompletableFuture<PrefetchData>> chartOpens = new ArrayList<>();
    for (int i = 0; i < CHART_OPENS; i++) {
      chartOpens.add(CompletableFuture.supplyAsync(() -> resolver.resolve(PATIENT_VIEW, request(ehr.base())), threads(CHART_OPENS)));
    }

    for (CompletableFuture<PrefetchData> open : chartOpens) {
      assertThat(open.get(60, TimeUnit.SECONDS).unavailable()).isEmpty();
    }
    assertThat(ehr.mostAtOnce.get()).as("GETs the server held at the same moment").isEqualTo(KEYS);
  }

  @Test
  void aServerHoldingItsWholeBulkheadLeavesThreadsForAnother() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    Ehr stuck = ehr(exchange -> release.await(30, TimeUnit.SECONDS));
    toClose.add(0, release::countDown);
    Ehr healthy = ehr(exchange -> { });
    PrefetchResolver resolver = resolver(stuck.base(), healthy.base());
    ExecutorService callers = threads(CHART_OPENS + 2);
    for (int i = 0; i < CHART_OPENS + 1; i++) { // 30 keys, more than the server's bulkhead
      callers.execute(() -> resolver.resolve(PATIENT_VIEW, request(stuck.base())));
    }
    int bulkhead = shipped.maxConcurrencyPerServer();
    boolean bulkheadFull = waitUntil(() -> stuck.inFlight.get() >= bulkhead);

    PrefetchData other = resolver.resolve(PATIENT_VIEW, request(healthy.base()));

    assertThat(bulkheadFull).as("the stuck server got %s GETs at once", stuck.inFlight.get()).isTrue();
    assertThat(other.unavailable()).isEmpty();
    assertThat(stuck.mostAtOnce.get()).as("threads the stuck server could hold").isEqualTo(bulkhead);
    assertThat(bulkhead).isLessThan(shipped.maxConcurrency());
  }

  /** The resolver as config.EhrFhirConfiguration builds it, with the shipped settings except deadlines and read timeout. */
  private PrefetchResolver resolver(String... allowed) {
    Map<String, Object> settings = new HashMap<>();
    for (int i = 0; i < allowed.length; i++) {
      settings.put("cds.fhir.allowed-servers[" + i + "]", allowed[i]);
    }
    settings.put("cds.fhir.read-timeout", "40s");
    settings.put("cds.fhir.deadline", "50s");
    settings.put("cds.fhir.patient-view-deadline", "50s");
    CdsProperties props = new Binder(List.of(new MapConfigurationPropertySource(settings)))
        .bindOrCreate("cds", Bindable.of(CdsProperties.class));
    shipped = props.fhir();
    EhrFhirConfiguration config = new EhrFhirConfiguration();
    ExecutorService fetchThreads = config.fhirFetchExecutor(props);
    toClose.add(fetchThreads::shutdownNow);
    CloseableHttpClient http = config.ehrHttpClient(props);
    toClose.add(http);
    return config.prefetchResolver(config.ehrFhirClient(http, config.fhirServerPolicy(props, new MockEnvironment()), props,
        fetchThreads, new SimpleMeterRegistry()));
  }

  private ExecutorService threads(int n) {
    ExecutorService pool = Executors.newFixedThreadPool(n);
    toClose.add(pool::shutdownNow);
    return pool;
  }

  @FunctionalInterface
  interface Hold {
    void before(HttpExchange exchange) throws InterruptedException;
  }

  /** A FHIR server on loopback that counts the GETs it holds at once and answers each after {@code hold}. */
  private Ehr ehr(Hold hold) throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.setExecutor(threads(64));
    Ehr ehr = new Ehr(server);
    server.createContext("/fhir", exchange -> {
      int now = ehr.inFlight.incrementAndGet();
      ehr.mostAtOnce.accumulateAndGet(now, Math::max);
      try {
        hold.before(exchange);
        String path = exchange.getRequestURI().getPath();
        byte[] body = (path.startsWith("/fhir/Patient/") ? "{\"resourceType\":\"Patient\",\"id\":\"p1\"}"
            : "{\"resourceType\":\"Bundle\",\"type\":\"searchset\"}").getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/fhir+json");
        exchange.sendResponseHeaders(200, body.length);
        exchange.getResponseBody().write(body);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } finally {
        ehr.inFlight.decrementAndGet();
        exchange.close();
      }
    });
    server.start();
    toClose.add(() -> server.stop(0));
    return ehr;
  }

  private static final class Ehr {
    final HttpServer server;
    final AtomicInteger inFlight = new AtomicInteger();
    final AtomicInteger mostAtOnce = new AtomicInteger();

    Ehr(HttpServer server) {
      this.server = server;
    }

    String base() {
      return "http://127.0.0.1:" + server.getAddress().getPort() + "/fhir";
    }
  }

  private static Map<String, String> sixKeys() {
    Map<String, String> keys = new LinkedHashMap<>();
    keys.put("patient", "Patient/{{context.patientId}}");
    keys.put("conditions", "Condition?patient={{context.patientId}}");
    keys.put("observations", "Observation?patient={{context.patientId}}");
    keys.put("procedures", "Procedure?patient={{context.patientId}}");
    keys.put("medications", "MedicationRequest?patient={{context.patientId}}");
    keys.put("tumorBoard", "ServiceRequest?patient={{context.patientId}}");
    return keys;
  }

  private static CdsRequest request(String fhirServer) {
    try {
      return new CdsRequest("patient-view", "c9e2a0f4-5b8e-4a7e-9d55-0f1b7c0b3a11", fhirServer, null,
          JSON.readTree("{\"patientId\":\"p1\",\"userId\":\"Practitioner/u1\"}"), Map.of());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static boolean waitUntil(java.util.function.BooleanSupplier condition) throws InterruptedException {
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (System.nanoTime() < end) {
      if (condition.getAsBoolean()) {
        return true;
      }
      Thread.sleep(20);
    }
    return condition.getAsBoolean();
  }
}
