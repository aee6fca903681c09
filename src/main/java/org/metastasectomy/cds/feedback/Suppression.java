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
 * Whether a recommendation is quieted for a patient (cds.feedback.suppression-days): feedback on the same kind of card
 * for the same patient, or a documented tumour board review, within the period. Without the database the card is
 * shown: a repeated card costs less than a missed one.
 */
public final class Suppression {
  private static final Logger log = LoggerFactory.getLogger(Suppression.class);

  private final IssuedCardRepository issuedCards;
  private final Clock clock;
  private final Duration period;

  public Suppression(IssuedCardRepository issuedCards, Clock clock, Duration period) {
    this.issuedCards = issuedCards;
    this.clock = clock;
    this.period = period;
  }

  public boolean quiets(CardType type, String patientHash, Fact<LocalDate> lastTumourBoard) {
    LocalDate today = LocalDate.now(clock);
    if (lastTumourBoard.isKnown() && !lastTumourBoard.value().isBefore(today.minusDays(period.toDays()))) {
      return true;
    }
    try {
      return issuedCards.feedbackSince(patientHash, type.name(), Instant.now(clock).minus(period));
    } catch (RuntimeException e) {
      log.warn("suppression check skipped: database unavailable ({})", e.getClass().getSimpleName());
      return false;
    }
  }
}
