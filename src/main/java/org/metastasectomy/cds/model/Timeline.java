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
   * Synchronous when the first metastasis was recorded no later than the diagnosis of the primary plus the window of the
   * knowledge file (3 months: metastases found at diagnosis or during initial staging). Exactly 3 months after
   * diagnosis is synchronous; a day later is metachronous.
   */
  public static Fact<Boolean> synchronous(PatientFeatures p, long windowMonths) {
    Fact<LocalDate> first = firstMetastasis(p);
    if (!p.diagnosisDate().isKnown() || !first.isKnown()) {
      return Fact.unknown();
    }
    boolean sync = !first.value().isAfter(p.diagnosisDate().value().plusMonths(windowMonths));
    return Fact.of(sync, Sources.join(p.diagnosisDate().sources(), first.sources()));
  }

  /**
   * The first systemic therapy for metastatic disease (see {@link MetastaticTherapy}): the earliest therapy started on
   * or after the first metastasis, or any therapy when the patient was M1 at diagnosis.
   */
  public static MetastaticTherapy metastaticTherapy(PatientFeatures p) {
    if (!p.systemicTherapies().isKnown()) {
      return MetastaticTherapy.unknown(p.systemicTherapies().why());
    }
    List<SystemicTherapy> therapies = p.systemicTherapies().value();
    if (therapies.isEmpty()) {
      return MetastaticTherapy.notStarted();
    }
    if (therapies.stream().anyMatch(t -> !t.start().isKnown())) {
      return MetastaticTherapy.unknown(Reason.NOT_RECORDED); // an undated therapy may be the first line
    }
    Fact<LocalDate> first = firstMetastasis(p);
    if (!p.m1() && !first.isKnown()) {
      return MetastaticTherapy.unknown(Reason.NOT_RECORDED); // adjuvant or for metastatic disease: cannot tell
    }
    return therapies.stream().map(SystemicTherapy::start)
        .filter(start -> p.m1() || !start.value().isBefore(first.value()))
        .min(Comparator.comparing(Fact::value))
        .map(MetastaticTherapy::started)
        .orElseGet(MetastaticTherapy::notStarted);
  }

  /**
   * Months from diagnosis to the start of systemic therapy for metastatic disease. Not yet started, it runs to the
   * assessment date (as for a decision to treat now); unknown when {@link #metastaticTherapy} is.
   */
  public static Fact<Long> diagnosisToTreatmentMonths(PatientFeatures p) {
    if (!p.diagnosisDate().isKnown()) {
      return Fact.unknown(p.diagnosisDate().why());
    }
    MetastaticTherapy therapy = metastaticTherapy(p);
    LocalDate diagnosis = p.diagnosisDate().value();
    return switch (therapy.status()) {
      case STARTED -> Fact.of(months(diagnosis, therapy.start().value()),
          Sources.join(p.diagnosisDate().sources(), therapy.start().sources()));
      case NOT_STARTED -> Fact.of(months(diagnosis, p.asOf()), p.diagnosisDate().sources());
      case UNKNOWN -> Fact.unknown(therapy.start().why());
    };
  }
}
