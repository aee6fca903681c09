package org.metastasectomy.cds.hooks;

import java.io.IOException;

/**
 * How many bytes of a request's body can be read now without waiting for the network: what the container holds and
 * what the socket has already received. The servlet API cannot tell ({@code available()} answers 0 or 1 in blocking
 * mode), so the container provides it as a request attribute ({@code config.ArrivedBytesValve}); without it
 * {@link RequestBodyGate} receives every body with non-blocking I/O.
 */
@FunctionalInterface
public interface ArrivedBytes {
  String ATTRIBUTE = ArrivedBytes.class.getName();

  /** @return bytes a blocking read returns without waiting (after a non-blocking read from the socket); 0 when none */
  int readable() throws IOException;
}
