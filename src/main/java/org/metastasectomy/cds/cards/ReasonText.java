package org.metastasectomy.cds.cards;

import org.metastasectomy.cds.model.Datum;
import org.metastasectomy.cds.model.FactorResult;
import org.metastasectomy.cds.model.Measure;
import org.metastasectomy.cds.model.Reason;

/**
 * Why a value is unknown, in words that keep three situations apart (issue 12 item 2): nothing is recorded ("not
 * recorded"); something is recorded but too old to use ("last … on …, older than the … -day look-back"); or the data
 * could not be had from the EHR ("could not be fetched"). Only the first asks the clinician to record anything.
 */
final class ReasonText {
  private ReasonText() {}

  /** Which of the three situations (or another reason) a reason is: how the card groups what is missing. */
  enum Kind { NOT_RECORDED, OUTDATED, NOT_FETCHED, OTHER }

  static Kind kind(Reason why) {
    if (why instanceof Reason.NotRecorded) {
      return Kind.NOT_RECORDED;
    }
    if (why instanceof Reason.OutsideLookback) {
      return Kind.OUTDATED;
    }
    if (why instanceof Reason.NotFetched) {
      return Kind.NOT_FETCHED;
    }
    return Kind.OTHER;
  }

  /** "haemoglobin not recorded", "ECOG performance status: last 1 on 2025-01-02, older than the 90-day look-back", … */
  static String of(Measure what, Reason why) {
    return of(what.label(), why);
  }

  static String of(String name, Reason why) {
    if (why instanceof Reason.NotRecorded) {
      return name + " not recorded";
    }
    if (why instanceof Reason.OutsideLookback o) {
      return name + ": last " + DatumText.dated(o.last()) + ", older than the " + o.lookbackDays() + "-day look-back";
    }
    if (why instanceof Reason.NotFetched f) {
      return name + " could not be fetched from the EHR's FHIR server (" + f.data() + ")";
    }
    if (why instanceof Reason.FutureDated f) {
      return name + " dated " + f.date() + ", after today: ignored";
    }
    if (why instanceof Reason.LimitUnknown l) {
      return name + ": the " + (l.limit() == Reason.Limit.UPPER ? "upper" : "lower") + " limit of normal is not recorded";
    }
    if (why instanceof Reason.NotConvertible c) {
      return name + " not recorded; " + c.recorded().label() + " is recorded and is never converted to it";
    }
    if (why instanceof Reason.NotSpecific s) {
      return name + " recorded as " + s.recorded().label() + ", not specific enough";
    }
    if (why instanceof Reason.Preliminary p) {
      return name + ": preliminary result only (" + DatumText.dated(p.result()) + "), not used until it is final";
    }
    if (why instanceof Reason.DifferentDraws d) {
      return name + ": calcium (" + DatumText.dated(d.calcium()) + ") and albumin (" + DatumText.dated(d.albumin())
          + ") are from different draws, so calcium is not corrected";
    }
    return name + " unknown"; // a reason without words yet: still unknown, never normal
  }

  /** Why an unknown result is unknown, naming the datum the reason belongs to. */
  static String of(FactorResult f) {
    Reason why = f.reason();
    Datum missing = f.data().stream().filter(d -> !d.known() && why.equals(d.missing())).findFirst()
        .orElseGet(() -> f.data().stream().filter(d -> !d.known()).findFirst().orElse(null));
    return missing == null ? of("the data", why) : of(missing.what(), why);
  }
}
