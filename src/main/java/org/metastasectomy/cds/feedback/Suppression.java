package org.metastasectomy.cds.feedback;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import org.metastasectomy.cds.cards.CardType;
import org.metastasectomy.cds.model.Fact;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether a recommendation is quieted for a patient (cds.feedback.suppression-days), and why, in words for the audit row
 * (issue 12, item 6): a documented tumour board review, or feedback on the same kind of card from the caller it was
 * issued to (the patient key includes the caller, issue 15 finding 3), within the period. Without the database the card
 * is shown and the audit row says the check was skipped: a repeated card costs less than a missed one.
 */
public final class Suppression {
  private static final Logger log = LoggerFactory.getLogger(Suppression.class);

  private final SuppressionRepository feedback;
  private final Clock clock;
  private final Duration period;

  public Suppression(SuppressionRepository feedback, Clock clock, Duration period) {
    this.feedback = feedback;
    this.clock = clock;
    this.period = period;
  }

  /** What was decided: {@code quiet} with the reason, or shown (with a note when the check could not be made). */
  public record Decision(boolean quiet, String note) {
    public static final Decision SHOWN = new Decision(false, null);
  }

  public Decision decide(CardType type, String patientHash, Fact<LocalDate> lastTumourBoard) {
    LocalDate today = LocalDate.now(clock);
    if (lastTumourBoard.isKnown() && !lastTumourBoard.value().isBefore(today.minusDays(period.toDays()))) {
      return new Decision(true, "suppressed: tumour board review documented within " + period.toDays() + " days");
    }
    if (patientHash == null) {
      return Decision.SHOWN;
    }
    try {
      return feedback.latest(patientHash, type.name(), Instant.now(clock).minus(period))
          .map(f -> new Decision(true, "suppressed: feedback " + f.outcome()
              + (f.overrideCode() == null ? "" : " (" + f.overrideCode() + ")") + " on card " + f.cardUuid()
              + " at " + f.outcomeTimestamp() + ", for " + period.toDays() + " days"))
          .orElse(Decision.SHOWN);
    } catch (RuntimeException e) {
      log.warn("suppression check skipped: database unavailable ({})", e.getClass().getSimpleName());
      return new Decision(false, "suppression not checked: database unavailable");
    }
  }
}
