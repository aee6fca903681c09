package org.metastasectomy.cds.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Feedback is durable and idempotent under concurrency: the same item posted 200 times at once is stored exactly once,
 * and 200 different items posted at once are all stored. Run against each database (subclasses).
 */
abstract class FeedbackConcurrencyContract extends RunningService {
  static final int POSTS = 200;
  static final String FEEDBACK = "/cds-services/" + Examples.PATIENT_VIEW + "/feedback";

  @Autowired
  JdbcClient jdbc;

  @Test
  void theSameFeedbackPostedConcurrentlyIsStoredExactlyOnce() throws Exception {
    String card = issuedCard();
    String body = feedback(card, "2026-11-27T10:00:00Z").toString();

    List<Http.Reply> replies = concurrently(i -> http.post(FEEDBACK, body));

    assertThat(replies).allSatisfy(r -> assertThat(r.status()).as(r.body()).isEqualTo(200));
    assertThat(replies.stream().mapToInt(r -> r.json().path("stored").asInt()).sum()).isEqualTo(1);
    assertThat(rowsFor(card)).isEqualTo(1);
  }

  @Test
  void differentFeedbackPostedConcurrentlyIsAllStored() throws Exception {
    String prefix = UUID.randomUUID().toString().substring(0, 8);
    for (int i = 0; i < POSTS; i++) {
      IssuedCards.issue(jdbc, prefix + "-" + i, Examples.PATIENT_VIEW);
    }

    List<Http.Reply> replies = concurrently(i -> http.post(FEEDBACK, feedback(prefix + "-" + i, "2026-11-27T10:00:00Z").toString()));

    assertThat(replies).allSatisfy(r -> assertThat(r.json().path("stored").asInt()).as(r.body()).isEqualTo(1));
    assertThat(jdbc.sql("SELECT COUNT(*) FROM feedback WHERE card_uuid LIKE :p").param("p", prefix + "-%")
        .query(Integer.class).single()).isEqualTo(POSTS);
  }

  @Test
  void aResentItemWithADifferentOutcomeTimeIsANewItem() {
    String card = issuedCard();

    http.post(FEEDBACK, feedback(card, "2026-11-27T10:00:00Z").toString());
    http.post(FEEDBACK, feedback(card, "2026-11-27T10:00:00+00:00").toString());
    http.post(FEEDBACK, feedback(card, "2026-11-27T11:00:00Z").toString());

    assertThat(rowsFor(card)).isEqualTo(2);
  }

  private String issuedCard() {
    String card = UUID.randomUUID().toString();
    IssuedCards.issue(jdbc, card, Examples.PATIENT_VIEW);
    return card;
  }

  private int rowsFor(String card) {
    return jdbc.sql("SELECT COUNT(*) FROM feedback WHERE card_uuid = :c").param("c", card).query(Integer.class).single();
  }

  /** Runs the posts from POSTS threads released together, to make them race. */
  private static List<Http.Reply> concurrently(IntFunction<Http.Reply> post) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(POSTS);
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<Http.Reply>> futures = new ArrayList<>();
      for (int i = 0; i < POSTS; i++) {
        int n = i;
        futures.add(pool.submit(() -> {
          start.await();
          return post.apply(n);
        }));
      }
      start.countDown();
      List<Http.Reply> replies = new ArrayList<>();
      for (Future<Http.Reply> f : futures) {
        replies.add(f.get());
      }
      return replies;
    } finally {
      pool.shutdownNow();
    }
  }

  static ObjectNode feedback(String card, String timestamp) {
    ObjectNode body = Examples.JSON.createObjectNode();
    ObjectNode item = body.putArray("feedback").addObject();
    item.put("card", card);
    item.put("outcome", "overridden");
    item.putObject("overrideReason").putObject("reason")
        .put("code", "already-discussed").put("system", "http://metastasectomy-cds.org/fhir/CodeSystem/override-reason");
    item.put("outcomeTimestamp", timestamp);
    return body;
  }
}
