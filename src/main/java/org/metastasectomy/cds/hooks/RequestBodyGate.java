package org.metastasectomy.cds.hooks;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Locale;
import org.metastasectomy.cds.security.BodyDrain;
import org.springframework.http.HttpStatus;

/**
 * Receives the body of every CDS Hooks POST (hooks and feedback) before anything else sees it, without holding a
 * request thread while the bytes trickle in (issue 15, findings 2 and 4):
 *
 * <ul>
 *   <li>what has already arrived of the body is read at once ({@link ArrivedBytes}: never a read that waits); a body
 *       that came whole with its headers is processed on this thread without an async cycle (issue 17);
 *   <li>the rest is read with non-blocking I/O: a slow sender holds a connection and the bytes it sent, never a worker
 *       thread, and is cut off with 408 when the whole body has not arrived within cds.limits.body-read-timeout;
 *   <li>every byte received is reserved in the {@link MemoryBudget}, and before the request is processed its body
 *       times {@link #HEAP_PER_BODY_BYTE}: when that does not fit, the answer is 503 with Retry-After at once;
 *   <li>a body over cds.limits.max-body is refused with 413 as soon as that is known (Content-Length, or the byte that
 *       crosses the limit).
 * </ul>
 *
 * A refused request's connection is closed after its answer; what the client is still sending is drained for a moment
 * without a thread ({@link BodyDrain}) so that it can read the answer. With client authentication on, this gate runs
 * after the JWT check, so an unauthenticated caller never gets a byte of the budget.
 */
public final class RequestBodyGate implements Filter {
  static final String BODY = RequestBodyGate.class.getName() + ".body";
  /**
   * Heap one request takes per byte of its body while it is processed (JSON tree, FHIR resources of the keys that are
   * read, cards), with margin: measured with 5 MB patient-view requests on a 1 GB heap (docs/reliability.md §1.4).
   */
  public static final int HEAP_PER_BODY_BYTE = 24;
  static final String BUSY = "too many large requests at once; retry later";
  /** The least a request reserves: even a small body costs a parse, a model evaluation and its cards. */
  static final long MIN_RESERVATION = 256 * 1024;
  /** The receive buffer a body starts with; it grows as bytes arrive, so a slow sender holds only what it sent. */
  private static final int FIRST_BUFFER = 64 * 1024;

  private final MemoryBudget budget;
  private final long maxBody;
  private final Duration readTimeout;
  private final MeterRegistry metrics;
  private final RefusalAudit audit;

  public RequestBodyGate(MemoryBudget budget, long maxBody, Duration readTimeout, MeterRegistry metrics, RefusalAudit audit) {
    this.budget = budget;
    this.maxBody = maxBody;
    this.readTimeout = readTimeout;
    this.metrics = metrics;
    this.audit = audit;
  }

  @Override
  public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
    HttpServletRequest request = (HttpServletRequest) req;
    HttpServletResponse response = (HttpServletResponse) res;
    if (request.getDispatcherType() == DispatcherType.ASYNC) {
      chain.doFilter(request.getAttribute(BODY) instanceof BodyReception.Received body
          ? new BufferedBodyRequest(request, body.array(), body.size()) : request, response);
      return;
    }
    if (request.getDispatcherType() != DispatcherType.REQUEST || !"POST".equals(request.getMethod())
        || !isJson(request.getContentType()) || !request.isAsyncSupported()) {
      chain.doFilter(request, response); // nothing to receive: Spring answers (405, 415) without reading a body
      return;
    }
    long declared = request.getContentLengthLong();
    if (declared > maxBody) {
      refuse(request, response, HttpStatus.PAYLOAD_TOO_LARGE, "too-costly", "request body is larger than " + maxBody + " bytes",
          "too-large");
      BodyDrain.after(request, response, maxBody);
      return;
    }
    if (declared <= 0) {
      receiveLater(request, response, new BodyReception.Received(256), 0);
      return;
    }
    if (!budget.tryReserve(cost(declared))) {
      // Content-Length says it cannot fit now: refuse before receiving it.
      refuse(request, response, HttpStatus.SERVICE_UNAVAILABLE, "transient", BUSY, "memory");
      BodyDrain.after(request, response, maxBody);
      return;
    }
    BodyReception.Received arrived = new BodyReception.Received((int) Math.min(declared, FIRST_BUFFER));
    try {
      receiveArrived(request, arrived, declared);
    } catch (IOException e) {
      budget.release(cost(declared));
      refuse(request, response, HttpStatus.BAD_REQUEST, "invalid", "request body could not be read", "unreadable");
      return;
    }
    if (arrived.size() == declared) {
      try { // the whole body came with the headers: processed on this thread, no async cycle
        request.setAttribute(BODY, arrived);
        chain.doFilter(new BufferedBodyRequest(request, arrived.array(), arrived.size()), response);
      } finally {
        budget.release(cost(declared));
      }
      return;
    }
    // The rest is still on its way: only what arrived stays reserved, so a slow sender that announces a large body holds
    // only what it sent; the rest is received without a thread.
    budget.release(cost(declared) - arrived.size());
    receiveLater(request, response, arrived, arrived.size());
  }

  /**
   * Reads the bytes of the body that have already arrived (see {@link ArrivedBytes}), never more, so this never waits
   * for the network. Reads nothing when the container cannot tell.
   */
  private static void receiveArrived(HttpServletRequest request, BodyReception.Received body, long declared)
      throws IOException {
    if (!(request.getAttribute(ArrivedBytes.ATTRIBUTE) instanceof ArrivedBytes arrived)) {
      return;
    }
    ServletInputStream in = request.getInputStream();
    while (body.size() < declared) {
      int readable = arrived.readable();
      if (readable <= 0 || body.readFrom(in, (int) Math.min(readable, declared - body.size()), (int) declared) < 0) {
        return;
      }
    }
  }

  /** Receives the rest of the body with non-blocking I/O; {@code reserved} bytes of the budget are already held. */
  private void receiveLater(HttpServletRequest request, HttpServletResponse response, BodyReception.Received received,
      long reserved) throws IOException {
    AsyncContext async = request.startAsync();
    async.setTimeout(readTimeout.toMillis());
    BodyReception reception = new BodyReception(this, request, response, async, received, reserved);
    async.addListener(reception);
    request.getInputStream().setReadListener(reception);
  }

  /** What a request with this body reserves while it is processed. */
  static long cost(long bodyBytes) {
    return Math.max(MIN_RESERVATION, bodyBytes * HEAP_PER_BODY_BYTE);
  }

  MemoryBudget budget() {
    return budget;
  }

  long maxBody() {
    return maxBody;
  }

  Duration readTimeout() {
    return readTimeout;
  }

  private static boolean isJson(String contentType) {
    return contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith("application/json");
  }

  /** Answers a request that will not be processed, and audits it; its connection is closed after the answer. */
  void refuse(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String code, String message,
      String reason) throws IOException {
    metrics.counter("cds.requests.refused", "reason", reason).increment();
    audit.refused(request, status.value(), reason, 0);
    response.setHeader("Connection", "close");
    if (status == HttpStatus.SERVICE_UNAVAILABLE) {
      response.setHeader("Retry-After", "2");
    }
    OutcomeWriter.write(response, status, code, message);
  }
}
