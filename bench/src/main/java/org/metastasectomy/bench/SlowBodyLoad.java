package org.metastasectomy.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Slow senders (issue 15, finding 4): {@code connections} clients each announce a 100 kB hook request and then send its
 * body one byte every {@code interval}, for {@code duration}, and go on sending after an answer (a 401, a 408) until the
 * server closes the connection; then they reconnect and start again, as an attacker would. Meanwhile a normal EHR request (the favourable example, ~100 kB) is sent every second,
 * and the liveness probe is asked every 500 ms. The question: do normal callers still get their answers?
 *
 * <p>Prints one line {@code OVERLOADJSON {...}}: the normal requests' and the probe's successes and failures, how long
 * the server let a slow sender hold its connection, and what it answered them.
 *
 * <p>Usage: {@code SlowBodyLoad --url=http://127.0.0.1:18080 --example=cds-hooks/examples/solitary-lung-favourable/request.json
 * --connections=220 --interval-ms=5000 --duration=60 [--auth="Bearer x"] [--label=...]}
 */
public final class SlowBodyLoad {
  private SlowBodyLoad() {}

  public static void main(String[] argv) throws Exception {
    Args args = new Args(argv);
    URI base = URI.create(args.require("url"));
    int connections = args.getInt("connections", 220);
    long intervalMs = args.getInt("interval-ms", 5000);
    Duration duration = Duration.ofSeconds(args.getInt("duration", 60));
    String auth = args.get("auth", "");
    byte[] normal = Files.readAllBytes(Path.of(args.require("example")));
    String path = "/cds-services/metastasectomy-patient-view";

    Map<String, LongAdder> slowAnswers = new ConcurrentHashMap<>();
    List<Long> held = Collections.synchronizedList(new ArrayList<>());
    long deadline = System.nanoTime() + duration.toNanos();
    List<Thread> threads = new ArrayList<>();
    try (ServiceProbe hooks = ServiceProbe.post(base + path, normal, Duration.ofSeconds(1));
        ServiceProbe liveness = ServiceProbe.get(base + "/actuator/health/liveness", Duration.ofMillis(500))) {
      for (int i = 0; i < connections; i++) {
        Thread t = new Thread(() -> {
          while (System.nanoTime() < deadline) {
            long start = System.nanoTime();
            String answer = dribble(base, path, auth, intervalMs, deadline);
            held.add((System.nanoTime() - start) / 1_000_000);
            slowAnswers.computeIfAbsent(answer, k -> new LongAdder()).increment();
          }
        }, "slow-" + i);
        t.setDaemon(true);
        t.start();
        threads.add(t);
      }
      for (Thread t : threads) {
        t.join(duration.toMillis() + intervalMs + 30_000);
      }
      List<Long> sorted = new ArrayList<>(held);
      Collections.sort(sorted);
      Map<String, Long> answers = new TreeMap<>();
      slowAnswers.forEach((k, v) -> answers.put(k, v.sum()));
      System.out.printf(java.util.Locale.ROOT,
          "OVERLOADJSON {\"scenario\":\"slow-bodies\",\"label\":\"%s\",\"connections\":%d,\"interval_ms\":%d,\"seconds\":%d,"
              + "\"normal_ok\":%d,\"normal_failed\":%d,\"normal_max_ms\":%d,\"liveness_ok\":%d,\"liveness_failed\":%d,"
              + "\"liveness_max_ms\":%d,\"slow_answers\":%s,\"slow_held_p50_ms\":%d,\"slow_held_max_ms\":%d}%n",
          args.get("label", ""), connections, intervalMs, duration.toSeconds(), hooks.ok(), hooks.failed(), hooks.maxMillis(),
          liveness.ok(), liveness.failed(), liveness.maxMillis(), LargeBodyLoad.json(answers), LargeBodyLoad.pct(sorted, 50),
          sorted.isEmpty() ? 0 : sorted.get(sorted.size() - 1));
    }
    System.exit(0);
  }

  /**
   * One slow request: headers at once, then a byte per interval, and on even after an answer arrives (an attacker does
   * not stop at a 401 or a 408), until the server closes the connection or time is up. Returns the answer and whether
   * the server closed the connection.
   */
  private static String dribble(URI base, String path, String auth, long intervalMs, long deadline) {
    String answer = null;
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(base.getHost(), base.getPort()), 5000);
      socket.setSoTimeout(1);
      OutputStream out = socket.getOutputStream();
      InputStream in = socket.getInputStream();
      String head = "POST " + path + " HTTP/1.1\r\nHost: " + base.getHost() + "\r\nContent-Type: application/json\r\n"
          + "Content-Length: 100000\r\n" + (auth.isEmpty() ? "" : "Authorization: " + auth + "\r\n") + "\r\n";
      out.write(head.getBytes(StandardCharsets.US_ASCII));
      out.flush();
      byte[] buf = new byte[512];
      for (int sent = 0; sent < 100_000 && System.nanoTime() < deadline; sent++) {
        out.write('{');
        out.flush();
        long until = System.currentTimeMillis() + intervalMs;
        while (System.currentTimeMillis() < until) {
          try {
            int n = in.read(buf);
            if (n < 0) {
              return closed(answer);
            }
            if (answer == null) {
              String text = new String(buf, 0, n, StandardCharsets.US_ASCII);
              answer = text.startsWith("HTTP/") ? "HTTP " + text.split(" ", 3)[1] : "unreadable answer";
            }
          } catch (java.net.SocketTimeoutException nothingYet) {
            LargeBodyLoad.pause(Math.min(200, intervalMs));
          }
        }
      }
      return (answer == null ? "no answer" : answer) + ", still open at the end";
    } catch (IOException e) {
      return closed(answer);
    }
  }

  private static String closed(String answer) {
    return (answer == null ? "no answer" : answer) + ", then closed";
  }
}
