package org.metastasectomy.cds.hooks;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/**
 * Writes an OperationOutcome straight to a servlet response, for answers given outside Spring MVC (the request gate,
 * the error page): the same body {@link ErrorHandler} gives.
 */
public final class OutcomeWriter {
  private static final ObjectMapper JSON = new ObjectMapper();

  private OutcomeWriter() {}

  /** The OperationOutcome's bytes. */
  public static byte[] json(HttpStatus status, String code, String message) {
    try {
      return JSON.writeValueAsBytes(ErrorHandler.outcome(status, code, message, java.util.List.of()).getBody());
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The FHIR issue type for an HTTP error status the service did not produce itself (Tomcat's, the error page's). */
  public static String issueType(HttpStatus status) {
    return switch (status.value()) {
      case 401 -> "login";
      case 403 -> "forbidden";
      case 404 -> "not-found";
      case 405, 406, 415 -> "not-supported";
      case 408, 504 -> "timeout";
      case 413, 431 -> "too-costly";
      case 414 -> "too-long";
      case 429 -> "throttled";
      case 503 -> "transient";
      default -> status.is5xxServerError() ? "exception" : "invalid";
    };
  }

  static void write(HttpServletResponse response, HttpStatus status, String code, String message) throws IOException {
    if (response.isCommitted()) {
      return;
    }
    response.resetBuffer();
    response.setStatus(status.value());
    response.setContentType(MediaType.APPLICATION_JSON_VALUE);
    response.setHeader("Cache-Control", "no-store");
    byte[] body = json(status, code, message);
    response.setContentLength(body.length);
    response.getOutputStream().write(body);
    response.flushBuffer();
  }
}
