package org.metastasectomy.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * The service's heap from outside the process ({@code jstat -gc PID 500}): it keeps answering when the service itself no
 * longer does, which is exactly when the figure matters. Records the highest heap in use, the heap's capacity and the
 * number of full collections.
 */
final class HeapSampler implements AutoCloseable {
  private final Process jstat;
  private final Thread reader;
  private volatile double maxUsedMb;
  private volatile double capacityMb;
  private volatile long fullGcs;
  private volatile long fullGcsAtStart = -1;
  private volatile int samples;

  HeapSampler(long pid) throws IOException {
    jstat = new ProcessBuilder("jstat", "-gc", Long.toString(pid), "500").redirectErrorStream(true).start();
    reader = new Thread(this::read, "jstat-reader");
    reader.setDaemon(true);
    reader.start();
  }

  private void read() {
    try (BufferedReader in = new BufferedReader(new InputStreamReader(jstat.getInputStream(), StandardCharsets.US_ASCII))) {
      List<String> header = null;
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        String[] cols = line.trim().split("\\s+");
        if (cols.length < 8) {
          continue;
        }
        if (cols[0].equals("S0C")) {
          header = Arrays.asList(cols);
          continue;
        }
        if (header == null || cols.length != header.size()) {
          continue;
        }
        double used = value(header, cols, "S0U") + value(header, cols, "S1U") + value(header, cols, "EU") + value(header, cols, "OU");
        double capacity = value(header, cols, "S0C") + value(header, cols, "S1C") + value(header, cols, "EC") + value(header, cols, "OC");
        maxUsedMb = Math.max(maxUsedMb, used / 1024);
        capacityMb = Math.max(capacityMb, capacity / 1024);
        long fgc = (long) value(header, cols, "FGC");
        if (fullGcsAtStart < 0) {
          fullGcsAtStart = fgc;
        }
        fullGcs = fgc - fullGcsAtStart;
        samples++;
      }
    } catch (IOException | RuntimeException e) {
      // the process ended: keep what was sampled
    }
  }

  private static double value(List<String> header, String[] cols, String name) {
    int i = header.indexOf(name);
    return i < 0 ? 0 : Double.parseDouble(cols[i]);
  }

  /** Starts a new measurement window (the highest value so far is forgotten). */
  void reset() {
    maxUsedMb = 0;
    fullGcsAtStart = -1;
    fullGcs = 0;
  }

  double maxUsedMb() {
    return maxUsedMb;
  }

  double capacityMb() {
    return capacityMb;
  }

  long fullGcs() {
    return fullGcs;
  }

  int samples() {
    return samples;
  }

  @Override
  public void close() {
    jstat.destroy();
  }
}
