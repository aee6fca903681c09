package org.metastasectomy.cds.feedback;

import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes feedback older than cds.feedback.retention-days and issued cards older than cds.feedback.card-retention-days
 * (issue 15, finding 8: neither table was ever purged). Run on the audit retention's schedule.
 */
public final class FeedbackRetention {
  private static final Logger log = LoggerFactory.getLogger(FeedbackRetention.class);

  private final FeedbackRepository feedback;
  private final IssuedCardRepository issuedCards;
  private final Clock clock;
  private final Duration feedbackRetention;
  private final Duration cardRetention;

  public FeedbackRetention(FeedbackRepository feedback, IssuedCardRepository issuedCards, Clock clock,
      Duration feedbackRetention, Duration cardRetention) {
    this.feedback = feedback;
    this.issuedCards = issuedCards;
    this.clock = clock;
    this.feedbackRetention = feedbackRetention;
    this.cardRetention = cardRetention;
  }

  /** @return rows deleted from both tables; 0 when the database is unavailable (the next run catches up) */
  public int purgeExpired() {
    try {
      int items = feedback.purgeBefore(clock.instant().minus(feedbackRetention));
      int cards = issuedCards.purgeBefore(clock.instant().minus(cardRetention));
      if (items + cards > 0) {
        log.info("feedback retention: deleted {} feedback rows older than {} days and {} issued cards older than {} days",
            items, feedbackRetention.toDays(), cards, cardRetention.toDays());
      }
      return items + cards;
    } catch (RuntimeException e) {
      log.warn("feedback retention skipped: database unavailable ({})", e.getClass().getSimpleName());
      return 0;
    }
  }
}
