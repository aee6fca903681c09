package org.metastasectomy.cds.intake;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads at most a number of bytes from an answer, then fails: the cap on a FHIR answer, applied both to the bytes on
 * the wire and to what they unpack to (a gzip bomb stops at the cap, not at the end of the bomb). The budget is shared
 * by every page of one prefetch key.
 */
final class BoundedInputStream extends FilterInputStream {
  /** Thrown when the cap is reached; an IOException so that it travels through parsers unchanged. */
  static final class TooLargeException extends IOException {
    TooLargeException() {
      super("answer larger than the cap", null);
    }
  }

  private final long[] left;

  /** @param left a one-element budget, shared with other streams of the same key and decremented as bytes are read */
  BoundedInputStream(InputStream in, long[] left) {
    super(in);
    this.left = left;
  }

  @Override
  public int read() throws IOException {
    if (left[0] <= 0) {
      return overTheCap();
    }
    int b = super.read();
    if (b >= 0) {
      left[0]--;
    }
    return b;
  }

  @Override
  public int read(byte[] buffer, int offset, int length) throws IOException {
    if (length == 0) {
      return 0;
    }
    if (left[0] <= 0) {
      return overTheCap();
    }
    int n = super.read(buffer, offset, (int) Math.min(length, left[0]));
    if (n > 0) {
      left[0] -= n;
    }
    return n;
  }

  /** At the cap: the end of the answer is fine (an answer of exactly the cap); one byte more is not. */
  private int overTheCap() throws IOException {
    if (super.read() < 0) {
      return -1;
    }
    throw new TooLargeException();
  }

  @Override
  public long skip(long n) throws IOException {
    return super.skip(Math.min(n, Math.max(0, left[0])));
  }

  @Override
  public boolean markSupported() {
    return false;
  }
}
