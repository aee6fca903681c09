package org.metastasectomy.cds.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.metastasectomy.cds.hooks.MemoryBudget;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * Load the service must shed rather than die of (issue 15, findings 2 and 4), on a server with only four request
 * threads so that holding them is easy to see: large requests beyond the memory budget are refused at once with 503,
 * and slow senders hold no thread and are cut off at the body read timeout. The figures under real load (25 and 50
 * concurrent 5 MB requests, 220 slow senders) are measured by the benchmark: bench/overload.sh.
 */
@TestPropertySource(properties = {"server.tomcat.threads.max=4", "cds.limits.body-read-timeout=2s"})
class OverloadIT extends RunningService {
  static final String HOOK = "/cds-services/" + Examples.PATIENT_VIEW;
  static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @Autowired
  MemoryBudget budget;

  @Test
  void aLargeRequestThatDoesNotFitTheMemoryBudgetIs503WithRetryAfterWhileSmallOnesStillFit() throws IOException {
    byte[] large = largeValidRequest(5_000_000);
    long othersInFlight = budget.capacity() - 10 * 1024 * 1024; // other requests hold all but 10 MB of the budget
    assertThat(budget.tryReserve(othersInFlight)).isTrue();
    try {
      HttpResponse<String> refused = post(large);
      assertThat(refused.statusCode()).isEqualTo(503);
      assertThat(refused.headers().firstValue("Retry-After")).contains("2");
      assertThat(refused.body()).contains("\"resourceType\":\"OperationOutcome\"", "\"code\":\"transient\"");
      assertThat(post(Examples.request(Examples.FAVOURABLE).toString().getBytes(StandardCharsets.UTF_8)).statusCode())
          .as("a request of usual size still fits").isEqualTo(200);
      assertThat(announceLargeBodyExpectingContinue()).as("refused before the body is sent, so it never crosses the network")
          .startsWith("HTTP/1.1 503").doesNotContain("100 Continue");
    } finally {
      budget.release(othersInFlight);
    }
    HttpResponse<String> answered = post(large);
    assertThat(answered.statusCode()).as(answered.body()).isEqualTo(200);
    assertThat(answered.body()).contains("\"cards\":[{");
    await().atMost(Duration.ofSeconds(5)).until(() -> budget.reserved() == 0);
  }

  @Test
  void slowSendersHoldNoRequestThreadAndAreCutOffAtTheBodyReadTimeout() throws Exception {
    List<Socket> slow = new ArrayList<>();
    try {
      for (int i = 0; i < 12; i++) { // three times the request threads
        slow.add(startSlowRequest());
      }
      Thread dribbler = new Thread(() -> dribble(slow, Duration.ofSeconds(8)));
      dribbler.setDaemon(true);
      dribbler.start();
      Thread.sleep(500);

      long start = System.nanoTime();
      HttpResponse<String> normal = post(Examples.request(Examples.FAVOURABLE).toString().getBytes(StandardCharsets.UTF_8));
      Duration took = Duration.ofNanos(System.nanoTime() - start);
      assertThat(normal.statusCode()).isEqualTo(200);
      assertThat(took).as("a normal request is answered while 12 slow senders are connected").isLessThan(Duration.ofSeconds(4));

      for (Socket s : slow) {
        String answer = readAnswer(s, Duration.ofSeconds(6));
        assertThat(answer).as("each slow sender is cut off after the 2 s body read timeout").startsWith("HTTP/1.1 408");
        assertThat(answer).contains("OperationOutcome", "Connection: close");
      }
      dribbler.interrupt();
    } finally {
      for (Socket s : slow) {
        s.close();
      }
    }
  }

  /**
   * A body that arrives in two parts (the first with the headers, the rest later) is received whole: what arrived first
   * is taken at once, the rest without a thread (issue 17), and the answer is the one the whole body gets.
   */
  @Test
  void aBodyThatArrivesInTwoPartsIsAnsweredAsTheWholeBody() throws Exception {
    byte[] body = Examples.request(Examples.FAVOURABLE).toString().getBytes(StandardCharsets.UTF_8);
    String whole = post(body).body();
    try (Socket socket = new Socket("localhost", port)) {
      socket.setTcpNoDelay(true);
      OutputStream out = socket.getOutputStream();
      int half = body.length / 2;
      out.write(("POST " + HOOK + " HTTP/1.0\r\nHost: localhost:" + port + "\r\nContent-Type: application/json\r\n" // 1.0: not chunked
          + "Content-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
      out.write(body, 0, half);
      out.flush();
      Thread.sleep(300);
      out.write(body, half, body.length - half);
      out.flush();
      String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(answer).startsWith("HTTP/1.1 200");
      assertThat(cardsWithoutIds(answer.substring(answer.indexOf("\r\n\r\n") + 4)))
          .isEqualTo(cardsWithoutIds(whole)).contains("\"summary\"");
    }
    await().atMost(Duration.ofSeconds(5)).until(() -> budget.reserved() == 0);
  }

  /** A hook answer's text with its card and suggestion uuids blanked (fresh on every call). */
  private static String cardsWithoutIds(String answer) {
    return answer.replaceAll("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", "UUID");
  }

  /** The headers of a 5 MB request that waits for 100 Continue before sending its body, and the first answer. */
  private String announceLargeBodyExpectingContinue() throws IOException {
    try (Socket socket = new Socket("localhost", port)) {
      socket.getOutputStream().write(("POST " + HOOK + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
          + "Expect: 100-continue\r\nContent-Length: 5000000\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
      socket.getOutputStream().flush();
      return readAnswer(socket, Duration.ofSeconds(5));
    }
  }

  /** Headers of a 100 kB hook request and the body's first byte. */
  private Socket startSlowRequest() throws IOException {
    Socket socket = new Socket("localhost", port);
    socket.getOutputStream().write(("POST " + HOOK + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
        + "Content-Length: 100000\r\n\r\n{").getBytes(StandardCharsets.US_ASCII));
    socket.getOutputStream().flush();
    return socket;
  }

  /** One more byte on every connection every 500 ms, as a slow attacker would, until {@code duration} is over. */
  private static void dribble(List<Socket> sockets, Duration duration) {
    long end = System.nanoTime() + duration.toNanos();
    while (System.nanoTime() < end && !Thread.currentThread().isInterrupted()) {
      for (Socket s : sockets) {
        try {
          OutputStream out = s.getOutputStream();
          out.write(' ');
          out.flush();
        } catch (IOException closedByTheServer) {
          // expected once the server has cut it off
        }
      }
      try {
        Thread.sleep(500);
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  private static String readAnswer(Socket socket, Duration within) throws IOException {
    socket.setSoTimeout((int) within.toMillis());
    InputStream in = socket.getInputStream();
    byte[] buf = new byte[4096];
    StringBuilder out = new StringBuilder();
    try {
      for (int n = in.read(buf); n > 0; n = in.read(buf)) {
        out.append(new String(buf, 0, n, StandardCharsets.US_ASCII));
        if (out.indexOf("\r\n\r\n") > 0 && out.indexOf("}]}") > 0) {
          break;
        }
      }
    } catch (java.net.SocketTimeoutException noAnswer) {
      return "no answer within " + within + ": " + out;
    } catch (java.net.SocketException reset) {
      return out.length() == 0 ? "connection reset without an answer" : out.toString();
    }
    return out.toString();
  }

  private HttpResponse<String> post(byte[] body) {
    try {
      return CLIENT.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + HOOK)).timeout(Duration.ofSeconds(60))
          .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
          HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /**
   * The favourable example with a long laboratory history: copies of its own lab results, each with a new id and dated
   * years back (before the look-back window), up to about {@code bytes}. Valid FHIR; the card stays the example's.
   */
  static byte[] largeValidRequest(int bytes) {
    ObjectNode request = Examples.request(Examples.FAVOURABLE);
    ArrayNode entries = (ArrayNode) request.at("/prefetch/observations/entry");
    List<JsonNode> labs = new ArrayList<>();
    entries.forEach(e -> {
      if (e.path("resource").has("valueQuantity")) {
        labs.add(e);
      }
    });
    int size = request.toString().length();
    for (int i = 0; size < bytes - 2_000; i++) {
      ObjectNode copy = labs.get(i % labs.size()).deepCopy();
      ObjectNode resource = (ObjectNode) copy.get("resource");
      resource.put("id", "hist-" + i);
      copy.remove("fullUrl");
      resource.remove("effectivePeriod");
      resource.put("effectiveDateTime", java.time.LocalDate.of(2015, 1, 1).plusDays(i % 1500).toString());
      entries.add(copy);
      size += copy.toString().length() + 1;
    }
    return request.toString().getBytes(StandardCharsets.UTF_8);
  }
}
