package org.metastasectomy.cds.model;

import java.util.Objects;
import java.util.function.Function;

/**
 * A value read from the chart together with the resource it came from, or explicitly unknown.
 * Missing data stays visible as {@link #unknown()} instead of a null or a default.
 */
public final class Fact<T> {
  private static final Fact<?> UNKNOWN = new Fact<>(null, null);

  private final T value;
  private final String source;

  private Fact(T value, String source) {
    this.value = value;
    this.source = source;
  }

  public static <T> Fact<T> of(T value, String source) {
    return new Fact<>(Objects.requireNonNull(value), source);
  }

  @SuppressWarnings("unchecked")
  public static <T> Fact<T> unknown() {
    return (Fact<T>) UNKNOWN;
  }

  public boolean isKnown() {
    return value != null;
  }

  public T value() {
    if (value == null) {
      throw new IllegalStateException("unknown fact has no value");
    }
    return value;
  }

  public T orElse(T other) {
    return value == null ? other : value;
  }

  /** The FHIR reference (e.g. Observation/123) the value came from; empty when derived or unknown. */
  public String source() {
    return source == null ? "" : source;
  }

  public <R> Fact<R> map(Function<T, R> mapper) {
    return value == null ? unknown() : new Fact<>(mapper.apply(value), source);
  }

  @Override
  public String toString() {
    return value == null ? "unknown" : value + (source == null ? "" : " (" + source + ")");
  }
}
