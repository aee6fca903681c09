package org.metastasectomy.cds.intake;

import org.apache.http.client.methods.HttpUriRequest;

/**
 * The state of fetching one prefetch key: its deadline, what is left of its caps (bytes on the wire, unpacked bytes,
 * entries; shared by all its pages and its retry), and the HTTP request in flight, so that the request thread can stop
 * it at the deadline: {@link #abort} aborts the request (the blocked read ends at once) and no further page or retry
 * starts.
 */
final class KeyFetch {
  private final long deadlineNanos;
  private final long[] wireBytesLeft;
  private final long[] bytesLeft;
  private final int[] entriesLeft;
  private volatile boolean aborted;
  private HttpUriRequest inFlight;

  KeyFetch(long deadlineNanos, long maxBytes, int maxEntries) {
    this.deadlineNanos = deadlineNanos;
    this.wireBytesLeft = new long[] {maxBytes};
    this.bytesLeft = new long[] {maxBytes};
    this.entriesLeft = new int[] {maxEntries};
  }

  long deadlineNanos() {
    return deadlineNanos;
  }

  long millisLeft() {
    return (deadlineNanos - System.nanoTime()) / 1_000_000;
  }

  long[] wireBytesLeft() {
    return wireBytesLeft;
  }

  long[] bytesLeft() {
    return bytesLeft;
  }

  int[] entriesLeft() {
    return entriesLeft;
  }

  boolean aborted() {
    return aborted;
  }

  synchronized void started(HttpUriRequest request) {
    if (aborted) {
      request.abort();
    }
    inFlight = request;
  }

  synchronized void finished(HttpUriRequest request) {
    if (inFlight == request) {
      inFlight = null;
    }
  }

  /** Stops the fetch: the request in flight is aborted and nothing more is sent for this key. */
  synchronized void abort() {
    aborted = true;
    if (inFlight != null) {
      inFlight.abort();
    }
  }
}
