package org.metastasectomy.cds.security;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.time.Duration;

/**
 * After a request was answered without its body (401, 413), reads and drops what the client is still sending, with
 * non-blocking I/O, for a short while and up to a byte limit, then closes. A client that sends its body before it reads
 * the answer (most HTTP clients do) then sees the answer instead of a reset connection, and a slow or endless sender costs
 * no request thread and no memory (issue 15, finding 4; Tomcat's own draining would block a thread for as long as the
 * client liked, so it is off: server.tomcat.max-swallow-size=0).
 */
public final class BodyDrain implements ReadListener, AsyncListener {
  /** How long a refused request's body is drained at most. */
  public static final Duration WINDOW = Duration.ofSeconds(2);
  /** Shared by all drains: what is read into it is never looked at. */
  private static final byte[] SINK = new byte[16 * 1024];

  private final ServletInputStream in;
  private final AsyncContext async;
  private final long limit;
  private long drained;
  private boolean done;

  private BodyDrain(ServletInputStream in, AsyncContext async, long limit) {
    this.in = in;
    this.async = async;
    this.limit = limit;
  }

  /**
   * Drains the unread body of a request whose answer is written (and is flushed here). Does nothing for a request
   * without a body.
   */
  public static void after(HttpServletRequest request, jakarta.servlet.http.HttpServletResponse response, long limit)
      throws IOException {
    response.flushBuffer();
    if (request.getContentLengthLong() == 0 || (request.getContentLengthLong() < 0 && request.getHeader("Transfer-Encoding") == null)
        || !request.isAsyncSupported() || request.isAsyncStarted()) {
      return;
    }
    AsyncContext async = request.startAsync();
    async.setTimeout(WINDOW.toMillis());
    BodyDrain drain = new BodyDrain(request.getInputStream(), async, limit);
    async.addListener(drain);
    drain.in.setReadListener(drain);
  }

  @Override
  public synchronized void onDataAvailable() throws IOException {
    while (!done && in.isReady()) {
      int n = in.read(SINK);
      if (n < 0) {
        return;
      }
      drained += n;
      if (drained > limit) {
        finish();
        return;
      }
    }
  }

  @Override
  public void onAllDataRead() {
    finish();
  }

  @Override
  public void onError(Throwable t) {
    finish();
  }

  @Override
  public void onTimeout(AsyncEvent event) {
    finish();
  }

  @Override
  public void onComplete(AsyncEvent event) {
    // nothing held
  }

  @Override
  public void onError(AsyncEvent event) {
    finish();
  }

  @Override
  public void onStartAsync(AsyncEvent event) {
    // not restarted
  }

  private synchronized void finish() {
    if (!done) {
      done = true;
      async.complete();
    }
  }
}
