package org.metastasectomy.cds.config;

import jakarta.servlet.ServletException;
import java.io.IOException;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;
import org.apache.coyote.ActionCode;
import org.metastasectomy.cds.hooks.ArrivedBytes;

/**
 * Tells hooks.RequestBodyGate how much of a POST body has already arrived, so that a body that came with its headers (most
 * hook calls) is taken at once instead of through an async cycle and a second dispatch (issue 17). Tomcat's connector
 * knows: the bytes in its input buffer, and what a non-blocking read from the socket returns. Reading only that many
 * bytes never blocks, so a slow sender still costs no thread: its body goes the non-blocking way.
 */
final class ArrivedBytesValve extends ValveBase {

  ArrivedBytesValve() {
    super(true); // the gate starts async processing when the body has not arrived
  }

  @Override
  public void invoke(Request request, Response response) throws IOException, ServletException {
    if ("POST".equals(request.getMethod())) {
      request.setAttribute(ArrivedBytes.ATTRIBUTE, (ArrivedBytes) () -> readable(request));
    }
    getNext().invoke(request, response);
  }

  private static int readable(Request request) throws IOException {
    int buffered = request.getInputStream().available(); // the connector's buffer; 0 or 1 when that is empty
    if (buffered > 1) {
      return buffered;
    }
    org.apache.coyote.Request coyote = request.getCoyoteRequest();
    coyote.action(ActionCode.AVAILABLE, Boolean.TRUE); // a non-blocking read from the socket when nothing is buffered
    return Math.max(buffered, coyote.getAvailable());
  }
}
