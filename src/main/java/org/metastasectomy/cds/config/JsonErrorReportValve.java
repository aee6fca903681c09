package org.metastasectomy.cds.config;

import java.io.IOException;
import java.io.OutputStream;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.metastasectomy.cds.hooks.OutcomeWriter;
import org.springframework.http.HttpStatus;

/**
 * Tomcat's own error answers (a request refused before it reaches the application: headers over
 * server.max-http-request-header-size, a malformed request line) as an OperationOutcome instead of Tomcat's HTML page
 * (issue 15, finding 8). Nothing from the request or the exception is written.
 */
final class JsonErrorReportValve extends ErrorReportValve {

  @Override
  protected void report(Request request, Response response, Throwable throwable) {
    int code = response.getStatus();
    if (code < 400 || response.getContentWritten() > 0) {
      return;
    }
    AtomicBoolean ioAllowed = new AtomicBoolean(false);
    response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
    if (!ioAllowed.get()) {
      return;
    }
    HttpStatus status = HttpStatus.resolve(code);
    if (status == null) {
      status = code >= 500 ? HttpStatus.INTERNAL_SERVER_ERROR : HttpStatus.BAD_REQUEST;
    }
    try {
      byte[] body = OutcomeWriter.json(status, OutcomeWriter.issueType(status), status.getReasonPhrase());
      response.setContentType("application/json");
      response.setContentLength(body.length);
      OutputStream out = response.getOutputStream();
      out.write(body);
      response.finishResponse();
    } catch (IOException | IllegalStateException e) {
      // the client is gone or the response cannot be written any more: nothing to tell
    }
  }
}
