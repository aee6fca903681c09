package org.metastasectomy.cds.model;

import java.time.LocalDate;

/**
 * Why a value or a rule is unknown, as a type rather than a sentence: the reading layer says why a value is missing, a
 * rule says why it cannot decide, and the card words it. Whatever the reason, unknown never reads as normal.
 */
public sealed interface Reason {
  Reason NOT_RECORDED = new NotRecorded();

  /** Nothing usable is recorded in the chart. */
  record NotRecorded() implements Reason {}

  /** Recorded, but the latest value is older than the look-back window (cds.model.lookback-days). */
  record OutsideLookback(Datum last, int lookbackDays) implements Reason {}

  /** The EHR sent no prefetch for it and its FHIR server could not be asked; {@code data} says which, in plain words. */
  record NotFetched(String data) implements Reason {}

  /** Recorded with a date after the assessment date (beyond the clock-skew allowance), and ignored. */
  record FutureDated(LocalDate date, String source) implements Reason {}

  /** Only a preliminary result is recorded (value and date in {@code result}): not used until it is final. */
  record Preliminary(Datum result) implements Reason {}

  /**
   * Calcium and albumin are recorded, but not from one draw (the same specimen or the same calendar day), so calcium is
   * not corrected with that albumin.
   */
  record DifferentDraws(Datum calcium, Datum albumin) implements Reason {}

  /** The value is present, but the reference limit the rule compares it with is not. */
  record LimitUnknown(Limit limit) implements Reason {}

  /** Another measure is recorded, and it is never converted into the one the rule needs (ECOG and Karnofsky). */
  record NotConvertible(Item recorded, Item needed) implements Reason {}

  /** Recorded, but not specific enough for the rule (histology "renal cell carcinoma, NOS"). */
  record NotSpecific(Histology recorded) implements Reason {}

  /** Which reference limit. */
  enum Limit { LOWER, UPPER }
}
