package org.metastasectomy.cds.intake;

import ca.uhn.fhir.parser.DataFormatException;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;
import org.apache.http.Header;
import org.apache.http.HttpEntity;
import org.apache.http.NoHttpResponseException;
import org.apache.http.client.config.RequestConfig;
import org.apache.http.client.methods.CloseableHttpResponse;
import org.apache.http.client.methods.HttpGet;
import org.apache.http.conn.ConnectTimeoutException;
import org.apache.http.impl.client.CloseableHttpClient;

/**
 * One GET to the EHR's FHIR server, read as a bounded stream while the response is open: the bearer token, gzip asked
 * for and unpacked by the service itself (never by the HTTP client, whose unpacking has no limit), both the bytes on the
 * wire and the unpacked bytes counted against the key's cap, timeouts cut to the time left before the deadline, and
 * the request registered with the key's {@link KeyFetch} so that the deadline can abort it (the blocked read ends and
 * the thread is free). Every failure becomes a {@link FetchFailure}.
 */
final class FhirGet {
  /** What to do with an answer's body while the response is open. */
  @FunctionalInterface
  interface BodyReader<T> {
    T read(InputStream body) throws IOException;
  }

  private final CloseableHttpClient http;
  private final FetchSettings settings;

  FhirGet(CloseableHttpClient http, FetchSettings settings) {
    this.http = http;
    this.settings = settings;
  }

  <T> T get(KeyFetch fetch, String url, String accessToken, BodyReader<T> reader) {
    long leftMillis = fetch.millisLeft();
    if (leftMillis <= 0 || fetch.aborted()) {
      throw deadline();
    }
    HttpGet get = new HttpGet(CanonicalUrl.toUri(url));
    int connect = (int) Math.max(1, Math.min(settings.connectTimeout().toMillis(), leftMillis));
    get.setConfig(RequestConfig.custom().setConnectTimeout(connect).setConnectionRequestTimeout(connect)
        .setSocketTimeout((int) Math.max(1, Math.min(settings.readTimeout().toMillis(), leftMillis)))
        .setRedirectsEnabled(false).setContentCompressionEnabled(false).build());
    get.setHeader("Accept", "application/fhir+json, application/json;q=0.9");
    get.setHeader("Accept-Encoding", "gzip");
    if (accessToken != null && !accessToken.isBlank()) {
      get.setHeader("Authorization", "Bearer " + accessToken);
    }
    fetch.started(get);
    CloseableHttpResponse response = null;
    boolean readToTheEnd = false;
    try {
      response = http.execute(get);
      int status = response.getStatusLine().getStatusCode();
      if (status < 200 || status >= 300) {
        throw FetchFailure.httpStatus(status);
      }
      HttpEntity entity = response.getEntity();
      if (entity == null || !mayBeJson(entity.getContentType())) {
        throw new FetchFailure(FetchFailure.Kind.NOT_FHIR, "FHIR server answered with a body that is not FHIR", false);
      }
      if (entity.getContentLength() > fetch.wireBytesLeft()[0]) {
        throw tooLarge();
      }
      InputStream wire = new BoundedInputStream(entity.getContent(), fetch.wireBytesLeft());
      InputStream body = new BoundedInputStream(unpacked(wire, entity.getContentEncoding()), fetch.bytesLeft());
      T result = reader.read(new FilterInputStream(body) {
        @Override
        public void close() {
          // the end of the answer is checked below; a parser that closes its input must not hide what follows
        }
      });
      if (body.read() >= 0) {
        throw invalid(); // content after the JSON
      }
      wire.transferTo(OutputStream.nullOutputStream()); // a gzip trailer: read to the end, so the connection is reused
      readToTheEnd = true;
      return result;
    } catch (FetchFailure e) {
      throw fetch.aborted() ? deadline() : e;
    } catch (BoundedInputStream.TooLargeException e) {
      throw tooLarge();
    } catch (JsonProcessingException | ZipException | DataFormatException e) {
      throw fetch.aborted() ? deadline() : invalid();
    } catch (IOException e) {
      // a timeout cut to the time left is the deadline's, not the server's read timeout
      boolean pastDeadline = fetch.aborted() || e instanceof SocketTimeoutException && fetch.millisLeft() <= 0;
      throw pastDeadline ? deadline() : connectionFailure(e);
    } catch (RuntimeException e) {
      // HAPI's lenient parser can fail in other ways on hostile input (e.g. an NPE for "resource": 42)
      throw fetch.aborted() ? deadline() : invalid();
    } finally {
      if (!readToTheEnd) {
        get.abort(); // closing an unread body would read it to its end first: a bomb or a drip-feed would hold the thread
      }
      close(response);
      fetch.finished(get);
    }
  }

  private static void close(CloseableHttpResponse response) {
    if (response != null) {
      try {
        response.close();
      } catch (IOException | RuntimeException e) {
        // the connection is discarded either way
      }
    }
  }

  private static InputStream unpacked(InputStream wire, Header encoding) throws IOException {
    String coding = encoding == null ? "identity" : encoding.getValue().trim().toLowerCase(Locale.ROOT);
    InputStream unpacked = switch (coding) {
      case "", "identity", "none" -> wire;
      case "gzip", "x-gzip" -> new GZIPInputStream(wire, 8192);
      default -> throw new FetchFailure(FetchFailure.Kind.NOT_FHIR,
          "FHIR server answered with a content encoding the service does not accept: " + coding, false);
    };
    return unpacked;
  }

  /** A JSON type, or none (some servers omit it; the parser decides); never HTML, XML or text. */
  private static boolean mayBeJson(Header contentType) {
    if (contentType == null) {
      return true;
    }
    String type = contentType.getValue().toLowerCase(Locale.ROOT);
    return type.startsWith("application/fhir+json") || type.startsWith("application/json")
        || type.startsWith("application/json+fhir");
  }

  private static FetchFailure connectionFailure(IOException e) {
    if (e instanceof SocketTimeoutException && !(e instanceof ConnectTimeoutException)) {
      return new FetchFailure(FetchFailure.Kind.READ_TIMEOUT, "FHIR server did not answer within the read timeout", false);
    }
    // connection refused or timed out, a stale pooled connection or a reset: the request may not have been served
    boolean retryable = e instanceof ConnectException || e instanceof ConnectTimeoutException
        || e instanceof NoHttpResponseException || e instanceof SocketException;
    return new FetchFailure(FetchFailure.Kind.CONNECTION, "FHIR server unreachable or the connection failed", retryable);
  }

  static FetchFailure deadline() {
    return new FetchFailure(FetchFailure.Kind.DEADLINE, "no complete answer within the deadline", false);
  }

  private static FetchFailure tooLarge() {
    return new FetchFailure(FetchFailure.Kind.TOO_LARGE, "FHIR answer larger than cds.fhir.max-answer-size", false);
  }

  private static FetchFailure invalid() {
    return new FetchFailure(FetchFailure.Kind.INVALID, "FHIR server answered with invalid FHIR JSON", false);
  }
}
