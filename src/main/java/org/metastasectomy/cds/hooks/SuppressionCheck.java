package org.metastasectomy.cds.hooks;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import org.metastasectomy.cds.audit.SuppressionRepository;
import org.metastasectomy.cds.cards.CardType;
import org.metastasectomy.cds.model.Assessment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether the tumour-board recommendation is quieted for this patient, and why, in words for the audit row (issue 12,
 * item 6): a documented tumour board review, or feedback on the same recommendation (from the caller the card was issued
 * to, as the patient key includes the caller), within cds.feedback.suppression-days. A database outage is not a reason
 * to quiet a card: the card is shown and the audit row says the check was skipped.
 */
final class SuppressionCheck {
  private static final Logger log = LoggerFactory.getLogger(SuppressionCheck.class);

  private final SuppressionRepository feedback;
  private final Clock clock;
  private final Duration period;

  SuppressionCheck(SuppressionRepository feedback, Clock clock, Duration period) {
    this.feedback = feedback;
    this.clock = clock;
    this.period = period;
  }

  /** What was decided: {@code quiet} with the reason, or shown (with a note when the check could not be made). */
  record Outcome(boolean quiet, String note) {
    static final Outcome SHOWN = new Outcome(false, null);
  }

  Outcome check(Assessment a, String patientHash) {
    LocalDate today = LocalDate.now(clock);
    if (a.features().lastTumourBoard().isKnown()
        && !a.features().lastTumourBoard().value().isBefore(today.minusDays(period.toDays()))) {
      return new Outcome(true, "suppressed: tumour board review documented within " + period.toDays() + " days");
    }
    if (patientHash == null) {
      return Outcome.SHOWN;
    }
    try {
      return feedback.latest(patientHash, CardType.TUMOUR_BOARD_REVIEW.name(), Instant.now(clock).minus(period))
          .map(f -> new Outcome(true, "suppressed: feedback " + f.outcome()
              + (f.overrideCode() == null ? "" : " (" + f.overrideCode() + ")") + " on card " + f.cardUuid()
              + " at " + f.outcomeTimestamp() + ", for " + period.toDays() + " days"))
          .orElse(Outcome.SHOWN);
    } catch (RuntimeException e) {
      log.warn("suppression check skipped: database unavailable ({})", e.getClass().getSimpleName());
      return new Outcome(false, "suppression not checked: database unavailable");
    }
  }
}
