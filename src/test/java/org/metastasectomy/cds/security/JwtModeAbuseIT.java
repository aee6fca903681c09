package org.metastasectomy.cds.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Abuse of a service that authenticates its callers (issue 15): what an attacker without a valid token, or with a
 * valid token of another issuer, can still do. Two issuers trust the same key file here, as two EHRs of one vendor might.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ExtendWith(OutputCaptureExtension.class)
class JwtModeAbuseIT {
  static final String ISS_A = "https://ehr-a.example.org";
  static final String ISS_B = "https://ehr-b.example.org";
  static final ECKey KEY = TestTokens.ecKey("shared-1");
  static final Path JWKS_FILE = writeJwksFile();
  static final String SERVICE = "metastasectomy-patient-view";
  /** What a forged log line would start with if a header or claim reached the log raw. */
  static final String FORGED = "2026-12-01T00:00:00.000Z  INFO 1 --- [main] FORGED";

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry r) {
    r.add("spring.datasource.url", () -> "jdbc:h2:mem:jwt-abuse;DB_CLOSE_DELAY=-1");
    r.add("cds.security.jwt.enabled", () -> "true");
    r.add("cds.security.jwt.issuers[0].iss", () -> ISS_A);
    r.add("cds.security.jwt.issuers[0].jwks-file", JWKS_FILE::toString);
    r.add("cds.security.jwt.issuers[1].iss", () -> ISS_B);
    r.add("cds.security.jwt.issuers[1].jwks-file", JWKS_FILE::toString);
    r.add("server.tomcat.threads.max", () -> "4"); // few request threads: holding them all is easy to see
  }

  @LocalServerPort int port;
  private final HttpClient http = HttpClient.newHttpClient();

  // --- finding 7: log forging before authentication ---

  @Test
  void aNewlineOrEscapeInTheAlgorithmNeverStartsALogLine(CapturedOutput output) {
    String header = "{\"alg\":\"ES384\\n" + FORGED + " alg\\u001b[2J\",\"typ\":\"JWT\"}";
    String token = b64(header) + "." + b64("{\"iss\":\"" + ISS_A + "\"}") + "." + b64("signature");
    assertThat(discovery(token).statusCode()).isEqualTo(401);
    assertLogged(output, "CDS client refused (algorithm)");
    assertNoForgedLine(output);
  }

  @Test
  void aNewlineOrEscapeInTheTypeNeverStartsALogLine(CapturedOutput output) {
    String token = TestTokens.sign(KEY, TestTokens.claims(ISS_A, url("/cds-services")),
        h -> h.type(new JOSEObjectType("JWT\n" + FORGED + " typ\u001b[2J")));
    assertThat(discovery(token).statusCode()).isEqualTo(401);
    assertLogged(output, "CDS client refused (signature)");
    assertNoForgedLine(output);
  }

  @Test
  void aNewlineOrEscapeInTheAudienceOfASignedTokenNeverStartsALogLine(CapturedOutput output) {
    String token = TestTokens.sign(KEY, TestTokens.claims(ISS_A, "https://elsewhere\r\n" + FORGED + " aud\u001b[2J"));
    assertThat(discovery(token).statusCode()).isEqualTo(401);
    assertLogged(output, "CDS client refused (audience)");
    assertNoForgedLine(output);
  }

  // --- finding 4: slow bodies after a 401 ---

  @Test
  void refusedCallersSendingSlowBodiesGetTheir401AtOnceAndHoldNoRequestThread() throws Exception {
    List<Socket> slow = new ArrayList<>();
    try {
      for (int i = 0; i < 12; i++) { // three times the request threads
        Socket s = new Socket("localhost", port);
        s.getOutputStream().write(("POST /cds-services/" + SERVICE + " HTTP/1.1\r\nHost: localhost\r\n"
            + "Content-Type: application/json\r\nAuthorization: Bearer not-a-token\r\nContent-Length: 6000000\r\n\r\n{")
            .getBytes(StandardCharsets.US_ASCII));
        slow.add(s);
      }
      Thread dribbler = new Thread(() -> dribble(slow, Duration.ofSeconds(10)));
      dribbler.setDaemon(true);
      dribbler.start();

      for (Socket s : slow) {
        assertThat(answerWithin(s, Duration.ofSeconds(4))).as("the 401 comes at once, not after the body").startsWith("HTTP/1.1 401");
      }
      long start = System.nanoTime();
      HttpResponse<String> valid = discovery(TestTokens.sign(KEY, TestTokens.claims(ISS_A, url("/cds-services"))));
      assertThat(valid.statusCode()).isEqualTo(200);
      assertThat(Duration.ofNanos(System.nanoTime() - start)).as("request threads are free for valid callers").isLessThan(Duration.ofSeconds(4));
      for (Socket s : slow) {
        assertThat(closedWithin(s, Duration.ofSeconds(6))).as("the refused connection is closed, its body never swallowed").isTrue();
      }
      dribbler.interrupt();
    } finally {
      for (Socket s : slow) {
        s.close();
      }
    }
  }

  private static void dribble(List<Socket> sockets, Duration duration) {
    long end = System.nanoTime() + duration.toNanos();
    while (System.nanoTime() < end && !Thread.currentThread().isInterrupted()) {
      for (Socket s : sockets) {
        try {
          s.getOutputStream().write(' ');
          s.getOutputStream().flush();
        } catch (IOException closed) {
          // the server closed it
        }
      }
      try {
        Thread.sleep(500);
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  private static String answerWithin(Socket socket, Duration within) throws IOException {
    socket.setSoTimeout((int) within.toMillis());
    byte[] buf = new byte[1024];
    try {
      int n = socket.getInputStream().read(buf);
      return n <= 0 ? "closed without an answer" : new String(buf, 0, n, StandardCharsets.US_ASCII);
    } catch (SocketTimeoutException e) {
      return "no answer within " + within;
    }
  }

  private static boolean closedWithin(Socket socket, Duration within) throws IOException {
    socket.setSoTimeout((int) within.toMillis());
    try {
      while (socket.getInputStream().read() >= 0) {
        // the rest of the 401, if any
      }
      return true;
    } catch (SocketTimeoutException stillOpen) {
      return false;
    } catch (java.net.SocketException reset) {
      return true;
    }
  }

  // --- finding 3: suppression only from feedback by the party that received the card ---

  @Test
  void anotherIssuersFeedbackIsRefusedAndQuietsNothingAndEachIssuersFeedbackQuietsOnlyItsOwnCard() {
    String card = cardFor(ISS_A);
    assertThat(feedback(ISS_B, card).statusCode()).as("a card issued to EHR A takes no feedback from EHR B").isEqualTo(400);
    assertThat(cardFor(ISS_A)).as("so A's card still shows").isNotNull();

    // B makes up prefetch for the same patient id and overrides the card it got: that quiets B's card only
    String bCard = cardFor(ISS_B);
    assertThat(feedback(ISS_B, bCard).statusCode()).isEqualTo(200);
    assertThat(invokeFavourable(ISS_B).body()).isEqualTo("{\"cards\":[]}");
    assertThat(cardFor(ISS_A)).as("A's patient is another patient to the service").isNotNull();
  }

  @Test
  void aValidCdsTokenDoesNotOpenTheOperatorEndpoint() {
    String path = "/actuator/suppression/" + "0".repeat(64);
    assertThat(send("GET", path, null, TestTokens.sign(KEY, TestTokens.claims(ISS_A, url(path)))).statusCode()).isEqualTo(401);
    assertThat(send("DELETE", path, null, null).statusCode()).isEqualTo(401);
  }

  private String cardFor(String iss) {
    HttpResponse<String> answer = invokeFavourable(iss);
    assertThat(answer.statusCode()).isEqualTo(200);
    String uuid = answer.body().replaceFirst("(?s)^.*?\"uuid\":\"([^\"]+)\".*$", "$1");
    return uuid.equals(answer.body()) ? null : uuid;
  }

  private HttpResponse<String> invokeFavourable(String iss) {
    String path = "/cds-services/" + SERVICE;
    return send("POST", path, favourable(), TestTokens.sign(KEY, TestTokens.claims(iss, url(path))));
  }

  private HttpResponse<String> feedback(String iss, String card) {
    String path = "/cds-services/" + SERVICE + "/feedback";
    String body = "{\"feedback\":[{\"card\":\"" + card + "\",\"outcome\":\"overridden\",\"outcomeTimestamp\":\""
        + java.time.Instant.now() + "\"}]}";
    return send("POST", path, body, TestTokens.sign(KEY, TestTokens.claims(iss, url(path))));
  }

  private static String favourable() {
    try {
      return Files.readString(Path.of("cds-hooks/examples/solitary-lung-favourable/request.json"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  // --- helpers ---

  private static void assertLogged(CapturedOutput output, String text) {
    assertThat(output.getAll()).contains(text);
  }

  private static void assertNoForgedLine(CapturedOutput output) {
    assertThat(output.getAll().lines()).noneMatch(line -> line.startsWith(FORGED));
    assertThat(output.getAll()).doesNotContain("\u001b[2J").contains("FORGED");
  }

  private HttpResponse<String> discovery(String token) {
    return send("GET", "/cds-services", null, token);
  }

  HttpResponse<String> send(String method, String path, String body, String token) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(path)))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    if (body != null) {
      request.header("Content-Type", "application/json");
    }
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    try {
      return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  String url(String path) {
    return "http://localhost:" + port + path;
  }

  private static String b64(String json) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
  }

  private static Path writeJwksFile() {
    try {
      Path file = Files.createTempFile("abuse-jwks", ".json");
      file.toFile().deleteOnExit();
      Files.writeString(file, new JWKSet(KEY.toPublicJWK()).toString());
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
