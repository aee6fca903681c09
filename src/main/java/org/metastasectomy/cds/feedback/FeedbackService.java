package org.metastasectomy.cds.feedback;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.metastasectomy.cds.feedback.IssuedCardRepository.IssuedCardRecord;
import org.springframework.dao.DataAccessException;

/**
 * Accepts feedback (CDS Hooks 2.0 §Feedback) only on cards this service issued to the same caller, and stores each item
 * once. Everything is checked before anything is stored: a post is either refused whole (400) or stored whole; a
 * database failure midway is a 503 and the retry stores the rest (items already stored are recognised and skipped).
 */
public final class FeedbackService {
  private final FeedbackRepository repository;
  private final IssuedCardRepository issuedCards;
  private final MeterRegistry metrics;
  private final Runnable pendingWrites;
  private final Clock clock;

  /** @param pendingWrites flushes queued issued-card rows, so feedback finds the card it is about */
  public FeedbackService(FeedbackRepository repository, IssuedCardRepository issuedCards, MeterRegistry metrics,
      Runnable pendingWrites, Clock clock) {
    this.repository = repository;
    this.issuedCards = issuedCards;
    this.metrics = metrics;
    this.pendingWrites = pendingWrites;
    this.clock = clock;
  }

  /**
   * @param issuer the caller's verified JWT issuer, null when client authentication is off
   * @param tenant the caller's tenant, null when none
   * @return how many items were new (the rest had been stored before)
   */
  public int accept(String serviceId, JsonNode body, String issuer, String tenant) {
    List<FeedbackParser.Item> items = FeedbackParser.parse(body);
    pendingWrites.run();
    try {
      List<IssuedCardRecord> cards = new ArrayList<>();
      for (FeedbackParser.Item item : items) {
        cards.add(issuedTo(issuer, tenant, serviceId, item));
      }
      Instant received = clock.instant();
      int stored = 0;
      for (int i = 0; i < items.size(); i++) {
        FeedbackParser.Item item = items.get(i);
        if (repository.store(serviceId, item.feedback(), item.outcomeTimestamp(), cards.get(i), received)) {
          stored++;
          metrics.counter("cds.feedback", "outcome", item.feedback().outcome()).increment();
        }
      }
      return stored;
    } catch (DataAccessException e) {
      throw new FeedbackUnavailableException(e);
    }
  }

  /**
   * The card, if this service issued it to this caller (issuer and tenant of the verified JWT; both absent when client
   * authentication is off). An unknown card and another caller's card get the same answer, so the answer tells an
   * attacker nothing about which uuids exist.
   */
  private IssuedCardRecord issuedTo(String issuer, String tenant, String serviceId, FeedbackParser.Item item) {
    return issuedCards.find(item.feedback().card())
        .filter(c -> c.serviceId().equals(serviceId))
        .filter(c -> Objects.equals(c.issuer(), issuer) && Objects.equals(c.tenant(), tenant))
        .orElseThrow(() -> new InvalidFeedbackException(item.field() + ".card",
            item.field() + ".card: this service issued no card with this uuid to this caller (or it is past its retention)"));
  }
}
