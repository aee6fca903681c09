package org.metastasectomy.cds.hooks;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The servlet error page ({@code /error}), in place of Spring Boot's: errors that never reached a controller (Spring
 * Security's 401 for the operator endpoint, a servlet exception) get an OperationOutcome like every other error, with
 * the status's reason and nothing from the exception. {@code /error} asked for directly is not an error: 404, never the
 * 500 it used to be (issue 15, finding 8).
 */
@RestController
public class ErrorPageController implements ErrorController {

  @RequestMapping("${server.error.path:/error}")
  ResponseEntity<Map<String, Object>> error(HttpServletRequest request) {
    Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
    if (!(code instanceof Integer status)) {
      return ErrorHandler.outcome(HttpStatus.NOT_FOUND, "not-found", "no such resource", List.of());
    }
    HttpStatus resolved = HttpStatus.resolve(status);
    HttpStatus answer = resolved == null || !resolved.isError() ? HttpStatus.INTERNAL_SERVER_ERROR : resolved;
    return ErrorHandler.outcome(answer, OutcomeWriter.issueType(answer), answer.getReasonPhrase(), List.of());
  }
}
