package org.metastasectomy.cds.model;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * One value a rule read or derived: what it is, the value (typed as {@link Measure#type()}), its unit, the date it
 * describes, and the FHIR resources it came from; or, when missing, why ({@link #missing()}).
 *
 * @param unit UCUM-style unit ("mg/dL", "months"), or null when the value has none
 * @param date the date the value describes (e.g. the Observation's effective date), or null when not applicable
 */
public record Datum(Measure what, Object value, String unit, LocalDate date, List<String> sources, Reason missing) {

  public Datum {
    Objects.requireNonNull(what);
    sources = List.copyOf(sources);
    if ((value == null) == (missing == null)) {
      throw new IllegalArgumentException(what + ": a datum has either a value or a reason it is missing");
    }
    if (value != null && !what.type().isInstance(value)) {
      throw new IllegalArgumentException(what + " holds a " + what.type().getSimpleName() + ", not " + value.getClass().getSimpleName());
    }
  }

  public static Datum of(Measure what, Object value, String unit, LocalDate date, List<String> sources) {
    return new Datum(what, value, unit, date, sources, null);
  }

  /** The value of a known fact, with its sources and date. */
  public static Datum of(Measure what, Fact<?> fact, String unit) {
    return new Datum(what, fact.value(), unit, fact.date(), fact.sources(), null);
  }

  public static Datum missing(Measure what, Reason why) {
    return new Datum(what, null, null, null, List.of(), why);
  }

  /** A fact as a datum: its value when known, else why it is missing. */
  public static Datum from(Measure what, Fact<?> fact, String unit) {
    return fact.isKnown() ? of(what, fact, unit) : missing(what, fact.why());
  }

  /** A laboratory result in the lab's canonical unit, dated and sourced. */
  public static Datum lab(Lab lab, Fact<LabValue> result) {
    if (!result.isKnown()) {
      return missing(lab, result.why());
    }
    return of(lab, result.value().value(), lab.canonicalUnit(), result.value().date(), result.sources());
  }

  public boolean known() {
    return value != null;
  }

  public <T> T value(Class<T> type) {
    return type.cast(value);
  }

  public double number() {
    return ((Number) value).doubleValue();
  }
}
