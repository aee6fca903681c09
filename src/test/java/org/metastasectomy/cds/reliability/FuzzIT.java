package org.metastasectomy.cds.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Mutation fuzzing from the golden examples: 1,000 mutated hook requests and 200 mutated feedback posts, generated
 * from a fixed seed, sent two at a time. No answer may be a 5xx, every error must be an OperationOutcome, every 200 a
 * cards response, and afterwards the favourable example must still get the very same card.
 */
class FuzzIT extends RunningService {
  /** Fixed, so every run sends the same requests; -Dfuzz.seed=N explores other mutants (a failure prints its seed). */
  static final long SEED = Long.getLong("fuzz.seed", 20261127L);
  static final int HOOK_MUTANTS = 1_000;
  static final int FEEDBACK_MUTANTS = 200;
  static final String FUZZ_CARD = "9b0c7e1e-0000-4000-8000-fuzzfeedback";

  /** One request to send: where, what, and how it was made. */
  record Case(String path, byte[] body, String description) {}

  @org.springframework.beans.factory.annotation.Autowired
  org.springframework.jdbc.core.simple.JdbcClient jdbc;

  @Test
  void mutatedRequestsNeverGetA5xxAndTheServiceKeepsAnswering() throws Exception {
    IssuedCards.issue(jdbc, FUZZ_CARD, Examples.PATIENT_VIEW); // so that mutants of valid feedback reach the store
    JsonNode before = FhirFallbackIT.withoutUuids(http.hook(Examples.PATIENT_VIEW, Examples.request(Examples.FAVOURABLE)).json());
    List<Case> cases = cases();
    Map<Integer, AtomicInteger> statuses = new TreeMap<>();
    Map<String, String> problems = new ConcurrentHashMap<>();
    long start = System.nanoTime();

    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      List<Future<?>> sent = new ArrayList<>();
      for (Case c : cases) {
        sent.add(pool.submit(() -> check(c, statuses, problems)));
      }
      for (Future<?> f : sent) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }
    Duration took = Duration.ofNanos(System.nanoTime() - start);
    System.out.printf("FuzzIT seed %d: %d requests in %d ms, statuses %s%n", SEED, cases.size(), took.toMillis(), statuses);

    // Every mutant must have been sent and answered (the size of the list we built proves nothing: it cannot fail).
    int answered = statuses.values().stream().mapToInt(AtomicInteger::get).sum();
    assertThat(answered).as("mutants answered").isEqualTo(HOOK_MUTANTS + FEEDBACK_MUTANTS);
    assertThat(problems).isEmpty();
    assertThat(statuses.keySet()).contains(200, 400);
    Http.Reply after = http.hook(Examples.PATIENT_VIEW, Examples.request(Examples.FAVOURABLE));
    assertThat(after.status()).isEqualTo(200);
    assertThat(after.json().path("cards")).hasSize(1);
    assertThat(FhirFallbackIT.withoutUuids(after.json())).isEqualTo(before);
  }

  private void check(Case c, Map<Integer, AtomicInteger> statuses, Map<String, String> problems) {
    Http.Reply reply = http.post(c.path(), c.body(), "application/json");
    synchronized (statuses) {
      statuses.computeIfAbsent(reply.status(), s -> new AtomicInteger()).incrementAndGet();
    }
    String problem = null;
    if (reply.status() >= 500) {
      problem = "HTTP " + reply.status();
    } else if (!reply.isJson()) {
      problem = "body is not JSON";
    } else if (reply.status() == 200 && !c.path().endsWith("/feedback") && !reply.json().path("cards").isArray()) {
      problem = "200 without cards";
    } else if (reply.status() != 200 && !"OperationOutcome".equals(reply.json().path("resourceType").asText())) {
      problem = "error is not an OperationOutcome";
    }
    if (problem != null) {
      problems.put(c.description(), problem + ": " + reply.body().substring(0, Math.min(300, reply.body().length())));
    }
  }

  /** The mutants, always the same for the same seed. */
  static List<Case> cases() {
    Mutator mutator = new Mutator(SEED);
    List<Case> out = new ArrayList<>();
    for (int i = 0; i < HOOK_MUTANTS; i++) {
      String[] example = Examples.ALL.get(i % Examples.ALL.size());
      Mutator.Mutant m = mutator.mutate(Examples.request(example[0]));
      out.add(new Case("/cds-services/" + example[1], m.body(), "#" + i + " " + example[0] + ": " + m.description()));
    }
    JsonNode feedback = validFeedback();
    for (int i = 0; i < FEEDBACK_MUTANTS; i++) {
      Mutator.Mutant m = mutator.mutate(feedback);
      out.add(new Case("/cds-services/" + Examples.PATIENT_VIEW + "/feedback", m.body(), "#f" + i + ": " + m.description()));
    }
    return out;
  }

  static JsonNode validFeedback() {
    ObjectNode body = Examples.JSON.createObjectNode();
    ObjectNode item = body.putArray("feedback").addObject();
    item.put("card", FUZZ_CARD);
    item.put("outcome", "overridden");
    item.putObject("overrideReason").put("userComment", "fuzz").putObject("reason")
        .put("code", "other").put("system", "http://metastasectomy-cds.org/fhir/CodeSystem/override-reason");
    item.put("outcomeTimestamp", "2026-11-27T10:00:00Z");
    return body;
  }
}
