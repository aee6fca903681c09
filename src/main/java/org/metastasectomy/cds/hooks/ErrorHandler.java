package org.metastasectomy.cds.hooks;

import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.metastasectomy.cds.feedback.FeedbackUnavailableException;
import org.metastasectomy.cds.feedback.InvalidFeedbackException;
import org.metastasectomy.cds.intake.PrefetchUnavailableException;
import org.metastasectomy.cds.reading.InvalidFhirInputException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Maps domain exceptions to HTTP statuses with an OperationOutcome body (CDS Hooks 3.0 §Returning OperationOutcome).
 * Never a stack trace; an unexpected failure is logged and answered with a generic 500.
 */
@RestControllerAdvice
public class ErrorHandler {
  private static final Logger log = LoggerFactory.getLogger(ErrorHandler.class);

  @ExceptionHandler(BadRequestException.class)
  ResponseEntity<Map<String, Object>> badRequest(BadRequestException e) {
    return outcome(HttpStatus.BAD_REQUEST, "invalid", e.getMessage(), List.of(e.field()));
  }

  @ExceptionHandler(InvalidFhirInputException.class)
  ResponseEntity<Map<String, Object>> badFhir(InvalidFhirInputException e) {
    return outcome(HttpStatus.BAD_REQUEST, "invalid", e.getMessage(), List.of(e.field()));
  }

  @ExceptionHandler(InvalidFeedbackException.class)
  ResponseEntity<Map<String, Object>> badFeedback(InvalidFeedbackException e) {
    return outcome(HttpStatus.BAD_REQUEST, "invalid", e.getMessage(), List.of(e.field()));
  }

  @ExceptionHandler(UnknownServiceException.class)
  ResponseEntity<Map<String, Object>> unknown(UnknownServiceException e) {
    return outcome(HttpStatus.NOT_FOUND, "not-found", e.getMessage(), List.of());
  }

  @ExceptionHandler(PrefetchUnavailableException.class)
  ResponseEntity<Map<String, Object>> preconditionFailed(PrefetchUnavailableException e) {
    List<String> where = e.keys().stream().map(k -> "prefetch." + k).toList();
    return outcome(HttpStatus.PRECONDITION_FAILED, "not-found", e.getMessage(), where);
  }

  @ExceptionHandler(PayloadTooLargeException.class)
  ResponseEntity<Map<String, Object>> tooLarge(PayloadTooLargeException e) {
    return outcome(HttpStatus.PAYLOAD_TOO_LARGE, "too-costly", e.getMessage(), List.of());
  }

  @ExceptionHandler(FeedbackUnavailableException.class)
  ResponseEntity<Map<String, Object>> feedbackDown(FeedbackUnavailableException e) {
    log.warn("feedback not stored: {}", e.getCause() == null ? "unknown" : e.getCause().getClass().getSimpleName());
    return outcome(HttpStatus.SERVICE_UNAVAILABLE, "transient", "feedback store unavailable; retry later", List.of());
  }

  @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
  ResponseEntity<Map<String, Object>> mediaType(HttpMediaTypeNotSupportedException e) {
    return outcome(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "not-supported", "Content-Type must be application/json", List.of());
  }

  @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
  ResponseEntity<Map<String, Object>> notAcceptable(HttpMediaTypeNotAcceptableException e) {
    return outcome(HttpStatus.NOT_ACCEPTABLE, "not-supported", "responses are application/json", List.of());
  }

  /** 405 with the Allow header (RFC 9110) and, on a CDS endpoint, how to call it instead. */
  @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
  ResponseEntity<Map<String, Object>> method(HttpRequestMethodNotSupportedException e, HttpServletRequest request) {
    Set<HttpMethod> allowed = e.getSupportedHttpMethods() == null ? Set.of() : e.getSupportedHttpMethods();
    String hint = allowed.contains(HttpMethod.POST) && request.getRequestURI().startsWith("/cds-services/")
        ? ". CDS services are called with POST and a JSON body (Content-Type: application/json): a hook request, or "
            + "{\"feedback\": [...]} on /feedback. GET /cds-services lists the services."
        : "";
    String methods = String.join(", ", allowed.stream().map(HttpMethod::name).sorted().toList());
    ResponseEntity<Map<String, Object>> body = outcome(HttpStatus.METHOD_NOT_ALLOWED, "not-supported",
        e.getMethod() + " is not supported here; allowed: " + methods + hint, List.of());
    return ResponseEntity.status(body.getStatusCode()).allow(allowed.toArray(HttpMethod[]::new))
        .contentType(MediaType.APPLICATION_JSON).body(body.getBody());
  }

  @ExceptionHandler(NoResourceFoundException.class)
  ResponseEntity<Map<String, Object>> noResource(NoResourceFoundException e) {
    return outcome(HttpStatus.NOT_FOUND, "not-found", "no such resource", List.of());
  }

  @ExceptionHandler(Exception.class)
  ResponseEntity<Map<String, Object>> unexpected(Exception e) {
    log.error("unexpected failure: {}", withoutMessages(e));
    return outcome(HttpStatus.INTERNAL_SERVER_ERROR, "exception", "internal error", List.of());
  }

  /**
   * Exception types and stack frames, without messages: a message can quote the input (HAPI's "Invalid attribute
   * value", NumberFormatException's "For input string"), and input is patient data.
   */
  static String withoutMessages(Throwable e) {
    StringBuilder out = new StringBuilder();
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      out.append(t == e ? "" : "\ncaused by: ").append(t.getClass().getName());
      StackTraceElement[] frames = t.getStackTrace();
      for (int i = 0; i < Math.min(frames.length, 12); i++) {
        out.append("\n\tat ").append(frames[i]);
      }
    }
    return out.toString();
  }

  static ResponseEntity<Map<String, Object>> outcome(HttpStatus status, String code, String message, List<String> expression) {
    Map<String, Object> issue = new LinkedHashMap<>();
    issue.put("severity", status.is5xxServerError() ? "fatal" : "error");
    issue.put("code", code);
    issue.put("diagnostics", message);
    if (!expression.isEmpty()) {
      issue.put("expression", expression);
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("resourceType", "OperationOutcome");
    body.put("issue", List.of(issue));
    return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(body);
  }
}
