package org.metastasectomy.cds;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.OptionalDouble;

/**
 * How much CPU the machine leaves idle, from /proc/stat (Linux). A latency claim ("the cold call fits the shipped
 * deadline") can only be judged while the machine gives the processes under test their CPU; the tests that make one
 * wait for that state and say when they could not get it, instead of widening the service's limits.
 */
final class IdleCpu {
  private IdleCpu() {}

  /** Idle cores over the window (idle + iowait share of all CPU time, times the cores), or empty where unknown. */
  static OptionalDouble idleCores(Duration window) throws InterruptedException {
    long[] before = ticks();
    Thread.sleep(window.toMillis());
    long[] after = ticks();
    if (before == null || after == null || after[0] <= before[0]) {
      return OptionalDouble.empty();
    }
    double idleShare = (double) (after[1] - before[1]) / (after[0] - before[0]);
    return OptionalDouble.of(idleShare * Runtime.getRuntime().availableProcessors());
  }

  /**
   * Waits until at least {@code cores} cores stayed idle over two seconds, for at most {@code max}. True when that
   * happened, or when the machine cannot tell (no /proc/stat): the test then runs as on a dedicated machine.
   */
  static boolean waitFor(double cores, Duration max) throws InterruptedException {
    long deadline = System.nanoTime() + max.toNanos();
    do {
      OptionalDouble idle = idleCores(Duration.ofSeconds(2));
      if (idle.isEmpty() || idle.getAsDouble() >= cores) {
        return true;
      }
    } while (System.nanoTime() < deadline);
    return false;
  }

  /** {total, idle + iowait} jiffies of the "cpu" line, or null. */
  private static long[] ticks() {
    try {
      String cpu = Files.readAllLines(Path.of("/proc/stat")).get(0);
      long[] fields = Arrays.stream(cpu.trim().split("\\s+")).skip(1).mapToLong(Long::parseLong).toArray();
      long total = Arrays.stream(fields).limit(8).sum(); // user nice system idle iowait irq softirq steal
      return new long[] {total, fields[3] + fields[4]};
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }
}
