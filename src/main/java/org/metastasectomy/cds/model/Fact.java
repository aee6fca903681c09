package org.metastasectomy.cds.model;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * A value read from the chart together with the resources it came from (and the date it describes, when the reading
 * knows it), or explicitly unknown with the {@link Reason} it is unknown. Missing data stays visible as unknown instead
 * of a null or a default.
 */
public final class Fact<T> {
  private static final Fact<?> NOT_RECORDED = new Fact<>(null, List.of(), null, Reason.NOT_RECORDED);

  private final T value;
  private final List<String> sources;
  private final LocalDate date;
  private final Reason why;

  private Fact(T value, List<String> sources, LocalDate date, Reason why) {
    this.value = value;
    this.sources = sources;
    this.date = date;
    this.why = why;
  }

  public static <T> Fact<T> of(T value, String source) {
    return of(value, Sources.of(source), null);
  }

  public static <T> Fact<T> of(T value, String source, LocalDate date) {
    return of(value, Sources.of(source), date);
  }

  public static <T> Fact<T> of(T value, List<String> sources) {
    return of(value, sources, null);
  }

  public static <T> Fact<T> of(T value, List<String> sources, LocalDate date) {
    return new Fact<>(Objects.requireNonNull(value), List.copyOf(sources), date, null);
  }

  /** Unknown because nothing usable is recorded. */
  @SuppressWarnings("unchecked")
  public static <T> Fact<T> unknown() {
    return (Fact<T>) NOT_RECORDED;
  }

  public static <T> Fact<T> unknown(Reason why) {
    return why instanceof Reason.NotRecorded ? unknown() : new Fact<>(null, List.of(), null, Objects.requireNonNull(why));
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

  /** The FHIR references (e.g. Observation/123) the value came from; empty when unknown. */
  public List<String> sources() {
    return sources;
  }

  /** The references as one text, comma-separated; empty when unknown. */
  public String source() {
    return String.join(", ", sources);
  }

  /** The date the value describes (an Observation's effective date), or null when unknown or not applicable. */
  public LocalDate date() {
    return date;
  }

  /** Why the value is unknown; null when it is known. */
  public Reason why() {
    return why;
  }

  /** This fact, or when it is unknown only for want of a record, unknown for the given (more specific) reason. */
  public Fact<T> orUnknownBecause(Reason reason) {
    return value == null && why instanceof Reason.NotRecorded ? unknown(reason) : this;
  }

  public <R> Fact<R> map(Function<T, R> mapper) {
    return value == null ? unknown(why) : new Fact<>(mapper.apply(value), sources, date, null);
  }

  @Override
  public String toString() {
    return value == null ? "unknown (" + why + ")" : value + (sources.isEmpty() ? "" : " (" + source() + ")");
  }
}
