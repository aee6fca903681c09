package org.metastasectomy.cds.reading;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.metastasectomy.cds.model.Fact;
import org.metastasectomy.cds.model.Reason;

/**
 * Dates after the assessment date count for nothing: a lab, score, diagnosis, onset, procedure, therapy start or tumour
 * board dated later than today plus a clock-skew allowance is ignored and remembered with its date, so the card can
 * list it. The allowance covers an EHR clock or timezone a day ahead of ours; it is not a clinical threshold.
 */
final class FutureDates {
  /** Days after the assessment date still accepted (an EHR a timezone ahead writes "tomorrow" for today's result). */
  static final int CLOCK_SKEW_DAYS = PatientFeatureMapper.CLOCK_SKEW_DAYS;

  private final LocalDate latestAccepted;
  private final List<Reason.FutureDated> ignored = new ArrayList<>();

  FutureDates(LocalDate asOf) {
    this.latestAccepted = asOf.plusDays(CLOCK_SKEW_DAYS);
  }

  boolean isFuture(LocalDate date) {
    return date != null && date.isAfter(latestAccepted);
  }

  /** Whether the date may be used; a future one is recorded as ignored. A missing date is not future. */
  boolean usable(LocalDate date, String source) {
    if (!isFuture(date)) {
      return true;
    }
    Reason.FutureDated why = new Reason.FutureDated(date, source);
    if (!ignored.contains(why)) {
      ignored.add(why);
    }
    return false;
  }

  /** The date as a fact: unknown (future-dated, listed) when after the allowance, unknown when absent. */
  Fact<LocalDate> fact(LocalDate date, String source) {
    if (date == null) {
      return Fact.unknown();
    }
    return usable(date, source) ? Fact.of(date, source) : Fact.unknown(new Reason.FutureDated(date, source));
  }

  List<Reason.FutureDated> ignored() {
    return List.copyOf(ignored);
  }
}
