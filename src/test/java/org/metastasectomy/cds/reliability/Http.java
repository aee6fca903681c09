package org.metastasectomy.cds.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** A plain HTTP client for the service under test: what an EHR sends, byte for byte. */
final class Http {
  private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private final String base;

  Http(int port) {
    this.base = "http://localhost:" + port;
  }

  /** The status, body and time of one exchange. */
  record Reply(int status, String body, String contentType, Duration elapsed) {
    JsonNode json() {
      return Examples.parse(body);
    }

    boolean isJson() {
      try {
        Examples.JSON.readTree(body);
        return contentType != null && contentType.startsWith("application/json");
      } catch (IOException e) {
        return false;
      }
    }
  }

  Reply post(String path, byte[] body, String contentType) {
    HttpRequest request = HttpRequest.newBuilder(URI.create(base + path))
        .timeout(Duration.ofSeconds(30))
        .header("Content-Type", contentType)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body))
        .build();
    return send(request);
  }

  Reply post(String path, String body) {
    return post(path, body.getBytes(StandardCharsets.UTF_8), "application/json");
  }

  Reply post(String path, JsonNode body) {
    return post(path, body.toString());
  }

  Reply hook(String serviceId, JsonNode body) {
    return post("/cds-services/" + serviceId, body);
  }

  /**
   * A body of up to {@code size} spaces sent chunked (no Content-Length), over a raw socket so that an answer that
   * arrives before the body is complete is read like curl reads it (java.net.http fails on such early answers).
   */
  Reply postStreamed(String path, long size) {
    long start = System.nanoTime();
    URI uri = URI.create(base + path);
    try (java.net.Socket socket = new java.net.Socket(uri.getHost(), uri.getPort())) {
      socket.setSoTimeout(30_000);
      var out = socket.getOutputStream();
      var in = new java.io.BufferedInputStream(socket.getInputStream());
      out.write(("POST " + uri.getPath() + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
          + "Transfer-Encoding: chunked\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
      byte[] chunk = " ".repeat(64 * 1024).getBytes(StandardCharsets.US_ASCII);
      try {
        for (long sent = 0; sent < size && in.available() == 0; sent += chunk.length) {
          out.write((Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
          out.write(chunk);
          out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        out.flush();
      } catch (IOException stoppedByServer) {
        // the server answered and closed while the body was still being sent: read the answer
      }
      return RawResponse.read(in, Duration.ofNanos(System.nanoTime() - start));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  Reply get(String path) {
    return send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30)).GET().build());
  }

  private static Reply send(HttpRequest request) {
    long start = System.nanoTime();
    try {
      HttpResponse<String> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
      return new Reply(response.statusCode(), response.body(), response.headers().firstValue("Content-Type").orElse(null),
          Duration.ofNanos(System.nanoTime() - start));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
