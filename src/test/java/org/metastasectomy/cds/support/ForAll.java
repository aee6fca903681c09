package org.metastasectomy.cds.support;

import java.util.Random;
import java.util.function.Consumer;

/**
 * Property-based checks with plain JUnit: a property runs on many generated inputs from a fixed seed, and a failure
 * reports the seed and try so it can be replayed. (We do not use jqwik: its 1.10 releases ask AI agents not to use it.)
 */
public final class ForAll {
  private ForAll() {}

  public static final long DEFAULT_SEED = 20261127L;

  public static void check(String property, int tries, Consumer<Random> body) {
    long seed = Long.getLong("properties.seed", DEFAULT_SEED);
    for (int i = 0; i < tries; i++) {
      Random random = new Random(seed * 31 + i);
      try {
        body.accept(random);
      } catch (AssertionError e) {
        throw new AssertionError(property + " falsified at try " + i + " (seed " + seed + "): " + e.getMessage(), e);
      }
    }
  }

  public static int between(Random r, int min, int max) {
    return min + r.nextInt(max - min + 1);
  }

  public static double between(Random r, double min, double max) {
    return Math.round((min + r.nextDouble() * (max - min)) * 10) / 10.0;
  }

  /** Null with the given probability: a value not recorded in the chart. */
  public static <T> T maybe(Random r, double nullProbability, java.util.function.Supplier<T> value) {
    return r.nextDouble() < nullProbability ? null : value.get();
  }

  public static <T> T oneOf(Random r, T[] values) {
    return values[r.nextInt(values.length)];
  }
}
