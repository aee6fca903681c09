package org.metastasectomy.cds.hooks;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import org.springframework.http.HttpStatus;

/**
 * One request body on its way in ({@link RequestBodyGate}): its bytes, its reservation in the memory budget, and how it
 * ends, once: dispatched to the service when complete and within budget, or refused (413, 503, 408, 400). After a
 * refusal the rest of the body is read and dropped until the read deadline (a client that sends before it reads then
 * still sees the answer), and the connection is closed. The reservation is held until the request is complete.
 */
final class BodyReception implements ReadListener, AsyncListener {
  private static final int CHUNK = 16 * 1024;

  private final RequestBodyGate gate;
  private final HttpServletRequest request;
  private final HttpServletResponse response;
  private final AsyncContext async;
  private final byte[] chunk = new byte[CHUNK];
  private Received body;
  private long reserved;
  private long drained;
  private boolean decided;
  private boolean draining;
  private boolean dispatched;

  /** A receive buffer whose bytes are handed on without a copy. */
  static final class Received extends ByteArrayOutputStream {
    Received(int size) {
      super(size);
    }

    byte[] array() {
      return buf;
    }

    /**
     * Reads at most {@code max} bytes straight into the buffer, which grows (doubling, never past {@code limit}) only as
     * bytes arrive; -1 at the end of the stream.
     */
    int readFrom(InputStream in, int max, int limit) throws IOException {
      if (buf.length - count < max) {
        buf = Arrays.copyOf(buf, Math.min(limit, Math.max(count + max, buf.length * 2)));
      }
      int n = in.read(buf, count, Math.min(max, buf.length - count));
      if (n > 0) {
        count += n;
      }
      return n;
    }
  }

  /**
   * @param received what arrived before (see {@link ArrivedBytes}), possibly nothing
   * @param reserved what the gate reserved for it in the budget, released with the rest when the request completes
   */
  BodyReception(RequestBodyGate gate, HttpServletRequest request, HttpServletResponse response, AsyncContext async,
      Received received, long reserved) {
    this.gate = gate;
    this.request = request;
    this.response = response;
    this.async = async;
    this.body = received;
    this.reserved = reserved;
  }

  @Override
  public synchronized void onDataAvailable() throws IOException {
    ServletInputStream in = request.getInputStream();
    while (in.isReady()) {
      int n = in.read(chunk);
      if (n < 0) {
        return;
      }
      if (draining) {
        drained += n;
        if (drained > gate.maxBody()) {
          async.complete();
          return;
        }
      } else if (body.size() + n > gate.maxBody()) {
        refuse(HttpStatus.PAYLOAD_TOO_LARGE, "too-costly", "request body is larger than " + gate.maxBody() + " bytes", "too-large");
      } else if (!reserve(n)) {
        refuse(HttpStatus.SERVICE_UNAVAILABLE, "transient", RequestBodyGate.BUSY, "memory");
      } else {
        body.write(chunk, 0, n);
      }
    }
  }

  @Override
  public synchronized void onAllDataRead() throws IOException {
    if (decided) {
      if (draining) {
        async.complete();
      }
      return;
    }
    long needed = RequestBodyGate.cost(body.size()) - reserved;
    if (needed > 0 && !reserve(needed)) {
      refuse(HttpStatus.SERVICE_UNAVAILABLE, "transient", RequestBodyGate.BUSY, "memory");
      async.complete();
      return;
    }
    decided = true;
    dispatched = true;
    request.setAttribute(RequestBodyGate.BODY, body);
    body = null;
    async.dispatch();
  }

  @Override
  public synchronized void onError(Throwable t) {
    // the client went away, or the body could not be read
    try {
      refuse(HttpStatus.BAD_REQUEST, "invalid", "request body could not be read", "unreadable");
    } catch (IOException | RuntimeException ignored) {
      // nobody to tell
    } finally {
      async.complete();
    }
  }

  @Override
  public synchronized void onTimeout(AsyncEvent event) throws IOException {
    if (dispatched) {
      return; // the body was complete in time; the service is answering
    }
    try {
      refuse(HttpStatus.REQUEST_TIMEOUT, "timeout",
          "request body not received within " + gate.readTimeout().toSeconds() + " s", "slow-body");
    } finally {
      async.complete();
    }
  }

  @Override
  public void onComplete(AsyncEvent event) {
    releaseAll();
  }

  @Override
  public void onError(AsyncEvent event) {
    releaseAll();
  }

  @Override
  public void onStartAsync(AsyncEvent event) {
    // not restarted
  }

  private boolean reserve(long bytes) {
    if (!gate.budget().tryReserve(bytes)) {
      return false;
    }
    reserved += bytes;
    return true;
  }

  private synchronized void releaseAll() {
    gate.budget().release(reserved);
    reserved = 0;
    body = null;
  }

  /** Answers now and drains the rest of the body; the connection closes when the async cycle completes. */
  private void refuse(HttpStatus status, String code, String message, String reason) throws IOException {
    if (decided) {
      return;
    }
    decided = true;
    draining = true;
    body = null;
    gate.budget().release(reserved);
    reserved = 0;
    gate.refuse(request, response, status, code, message, reason);
  }
}
