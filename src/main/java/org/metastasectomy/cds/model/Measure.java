package org.metastasectomy.cds.model;

/** What a {@link Datum} is: a laboratory value ({@link Lab}) or any other item of the chart ({@link Item}). */
public sealed interface Measure permits Item, Lab {
  String label();

  /** The Java type of the value. */
  Class<?> type();
}
