package org.metastasectomy.cds.transparency;

/** Cut-offs as written in the knowledge file: 12 rather than 12.0, 1.5 as 1.5. */
final class Numbers {
  private Numbers() {}

  static String format(double value) {
    return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
  }
}
