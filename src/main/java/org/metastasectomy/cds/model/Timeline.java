package org.metastasectomy.cds.model;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;

/** Intervals derived from the chart's dates. Months are completed calendar months. */
public final class Timeline {
  private Timeline() {}

  public static long months(LocalDate from, LocalDate to) {
    return Math.max(0, ChronoUnit.MONTHS.between(from, to));
  }

  /** Earliest onset among all recorded metastases (current or not). */
  public static Fact<LocalDate> firstMetastasis(PatientFeatures p) {
    return p.metastases().stream()
        .map(Metastasis::onset)
        .filter(Fact::isKnown)
        .min(Comparator.comparing(Fact::value))
        .orElse(Fact.unknown());
  }

  /** Where the disease-free interval starts: the nephrectomy, failing that the primary diagnosis. */
  public static Fact<LocalDate> dfiStart(PatientFeatures p) {
    return p.nephrectomyDate().isKnown() ? p.nephrectomyDate() : p.diagnosisDate();
  }

  /** Disease-free interval in months: from nephrectomy (else diagnosis) to the first metastasis. */
  public static Fact<Long> dfiMonths(PatientFeatures p) {
    Fact<LocalDate> start = dfiStart(p);
    Fact<LocalDate> first = firstMetastasis(p);
    if (!start.isKnown() || !first.isKnown()) {
      return Fact.unknown();
    }
    return Fact.of(months(start.value(), first.value()), Sources.join(start.sources(), first.sources()));
  }

  /**
   * Synchronous when the first metastasis was recorded no later than the diagnosis of the primary plus the cut-off
   * months from the knowledge file (0: present at diagnosis).
   */
  public static Fact<Boolean> synchronous(PatientFeatures p, long cutoffMonths) {
    Fact<LocalDate> first = firstMetastasis(p);
    if (!p.diagnosisDate().isKnown() || !first.isKnown()) {
      return Fact.unknown();
    }
    boolean sync = !first.value().isAfter(p.diagnosisDate().value().plusMonths(cutoffMonths));
    return Fact.of(sync, Sources.join(p.diagnosisDate().sources(), first.sources()));
  }

  /**
   * Months from diagnosis to the start of systemic therapy. With no therapy recorded it runs to the assessment date (as
   * for a decision to treat now) — but only when the medication history was read; otherwise an unrecorded earlier
   * start cannot be excluded, so the interval is unknown.
   */
  public static Fact<Long> diagnosisToTreatmentMonths(PatientFeatures p) {
    if (!p.diagnosisDate().isKnown()) {
      return Fact.unknown();
    }
    if (p.systemicTherapyStart().isKnown()) {
      List<String> sources = Sources.join(p.diagnosisDate().sources(), p.systemicTherapyStart().sources());
      return Fact.of(months(p.diagnosisDate().value(), p.systemicTherapyStart().value()), sources);
    }
    return p.medicationHistoryAvailable()
        ? Fact.of(months(p.diagnosisDate().value(), p.asOf()), p.diagnosisDate().sources())
        : Fact.unknown(p.systemicTherapyStart().why());
  }
}
