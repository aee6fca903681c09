package org.metastasectomy.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.LongAdder;

/**
 * Many EHRs at once, each sending a large but valid request (issue 15, finding 2): {@code concurrency} clients post a
 * ~5 MB patient-view request back to back for {@code duration}, each on its own connection. Meanwhile the liveness
 * probe is asked every 500 ms, and the service's heap is sampled from outside with jstat. Afterwards: is the service
 * still alive and answering?
 *
 * <p>Prints one line {@code OVERLOADJSON {...}}: the answers by status, client-side errors, latency percentiles, the
 * highest heap in use against its capacity, full GCs, liveness during and after.
 *
 * <p>Usage: {@code LargeBodyLoad --url=http://127.0.0.1:18080 --pid=PID --example=cds-hooks/examples/solitary-lung-favourable/request.json
 * --bytes=5000000 --concurrency=25 --duration=30 [--label=...]}
 */
public final class LargeBodyLoad {
  private LargeBodyLoad() {}

  public static void main(String[] argv) throws Exception {
    Args args = new Args(argv);
    String base = args.require("url");
    long pid = Long.parseLong(args.require("pid"));
    int concurrency = args.getInt("concurrency", 25);
    Duration duration = Duration.ofSeconds(args.getInt("duration", 30));
    byte[] body = LargeBodies.patientView(Path.of(args.require("example")), Long.parseLong(args.get("bytes", "5000000")));
    String hookUrl = base + "/cds-services/metastasectomy-patient-view";
    String liveness = base + "/actuator/health/liveness";

    Map<String, LongAdder> outcomes = new ConcurrentHashMap<>();
    List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
    long deadline = System.nanoTime() + duration.toNanos();
    CountDownLatch done = new CountDownLatch(concurrency);
    try (HeapSampler heap = new HeapSampler(pid); ServiceProbe probe = ServiceProbe.get(liveness, Duration.ofMillis(500))) {
      for (int i = 0; i < concurrency; i++) {
        Thread t = new Thread(() -> {
          // one client per worker: one connection each, as separate EHR users would have
          HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
              .connectTimeout(Duration.ofSeconds(5)).build();
          HttpRequest request = HttpRequest.newBuilder(URI.create(hookUrl)).timeout(Duration.ofSeconds(60))
              .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
          try {
            while (System.nanoTime() < deadline) {
              long start = System.nanoTime();
              String outcome;
              try {
                outcome = Integer.toString(client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode());
              } catch (InterruptedException e) {
                return;
              } catch (Exception e) {
                outcome = e.getClass().getSimpleName();
                pause(250); // a refused or reset connection: do not spin
              }
              latencies.add((System.nanoTime() - start) / 1_000_000);
              outcomes.computeIfAbsent(outcome, k -> new LongAdder()).increment();
            }
          } finally {
            done.countDown();
          }
        }, "client-" + i);
        t.setDaemon(true);
        t.start();
      }
      boolean finished = done.await(duration.toSeconds() + 90, java.util.concurrent.TimeUnit.SECONDS);
      pause(1500); // one more heap sample after the last answer
      boolean aliveAfter = ServiceProbe.answers(liveness);
      List<Long> sorted = new ArrayList<>(latencies);
      Collections.sort(sorted);
      Map<String, Long> byOutcome = new TreeMap<>();
      outcomes.forEach((k, v) -> byOutcome.put(k, v.sum()));
      System.out.printf(java.util.Locale.ROOT,
          "OVERLOADJSON {\"scenario\":\"large-bodies\",\"label\":\"%s\",\"concurrency\":%d,\"body_bytes\":%d,\"seconds\":%d,"
              + "\"answers\":%s,\"p50_ms\":%d,\"p99_ms\":%d,\"max_ms\":%d,\"heap_max_used_mb\":%.0f,\"heap_capacity_mb\":%.0f,"
              + "\"full_gcs\":%d,\"heap_samples\":%d,\"liveness_ok\":%d,\"liveness_failed\":%d,\"liveness_max_ms\":%d,"
              + "\"clients_finished\":%b,\"liveness_after\":%b}%n",
          args.get("label", ""), concurrency, body.length, duration.toSeconds(), json(byOutcome), pct(sorted, 50),
          pct(sorted, 99), sorted.isEmpty() ? 0 : sorted.get(sorted.size() - 1), heap.maxUsedMb(), heap.capacityMb(),
          heap.fullGcs(), heap.samples(), probe.ok(), probe.failed(), probe.maxMillis(), finished, aliveAfter);
    }
    System.exit(0);
  }

  static long pct(List<Long> sorted, int p) {
    return sorted.isEmpty() ? 0 : sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
  }

  static String json(Map<String, Long> counts) {
    StringBuilder out = new StringBuilder("{");
    counts.forEach((k, v) -> out.append(out.length() > 1 ? "," : "").append('"').append(k).append("\":").append(v));
    return out.append('}').toString();
  }

  static void pause(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
