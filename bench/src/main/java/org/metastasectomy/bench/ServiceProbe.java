package org.metastasectomy.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Asks the service one small question every {@code interval} while a load runs (the liveness probe, or a normal-sized
 * hook request) and counts the answers: an orchestrator's view of whether the service is still there.
 */
final class ServiceProbe implements AutoCloseable {
  private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private final HttpRequest request;
  private final Duration interval;
  private final Thread thread;
  private final AtomicLong ok = new AtomicLong();
  private final AtomicLong failed = new AtomicLong();
  private final AtomicLong maxMillis = new AtomicLong();
  private volatile boolean running = true;

  private ServiceProbe(HttpRequest request, Duration interval) {
    this.request = request;
    this.interval = interval;
    this.thread = new Thread(this::run, "probe");
    thread.setDaemon(true);
    thread.start();
  }

  /** GET {@code url} with a 2 s timeout (as a Kubernetes probe with timeoutSeconds: 2). */
  static ServiceProbe get(String url, Duration interval) {
    return new ServiceProbe(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(2)).GET().build(), interval);
  }

  /** POST {@code body} as JSON with a 5 s timeout (an EHR's patience for a CDS answer, generously). */
  static ServiceProbe post(String url, byte[] body, Duration interval) {
    return new ServiceProbe(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), interval);
  }

  /** One answer now: 200 within the timeout. */
  static boolean answers(String url) {
    try {
      HttpClient c = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
      return c.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(2)).GET().build(),
          HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
    } catch (Exception e) {
      return false;
    }
  }

  private void run() {
    while (running) {
      long start = System.nanoTime();
      try {
        int status = client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        (status == 200 ? ok : failed).incrementAndGet();
      } catch (InterruptedException e) {
        return;
      } catch (Exception e) {
        failed.incrementAndGet();
      }
      long ms = (System.nanoTime() - start) / 1_000_000;
      maxMillis.accumulateAndGet(ms, Math::max);
      try {
        Thread.sleep(Math.max(0, interval.toMillis() - ms));
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  long ok() {
    return ok.get();
  }

  long failed() {
    return failed.get();
  }

  long maxMillis() {
    return maxMillis.get();
  }

  @Override
  public void close() {
    running = false;
    thread.interrupt();
  }
}
