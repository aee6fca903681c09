package org.metastasectomy.cds.intake;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One resilience4j circuit breaker per FHIR base (the canonical base under the configured server's first name, so
 * every spelling and alias of one base shares a breaker), tuned for a CDS budget (resilience4j's defaults wait 60 s and
 * count slow calls only after 60 s: far looser than a 500 ms hook). It opens when half the calls fail, or when every
 * call in the window is slower than the read timeout.
 *
 * <p>A call is one hook request, not one key ("one request, one vote", issue 14): a request's keys fail together when
 * their server is cold or down, so six keys counted apart let a single request to a server just restarted open its
 * breaker for {@code breaker-open-for}. A request takes one {@link Permit} for all its keys to a base and records one
 * {@link ServerVote}; a dead or drip-feeding server still opens the breaker after {@code breaker-minimum-calls} failed
 * requests.
 *
 * <p>At most {@link #MAX_BREAKERS} are kept, least recently used dropped first: bases are paths under allowed servers,
 * so the set is small, but a caller must not grow it at will.
 */
public final class CircuitBreakers {
  static final int MAX_BREAKERS = 256;
  static final String OPEN = "FHIR server circuit open after repeated failures; not attempted";

  private final CircuitBreakerConfig config;
  private final Map<String, CircuitBreaker> breakers = new LinkedHashMap<>(16, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, CircuitBreaker> eldest) {
      return size() > MAX_BREAKERS;
    }
  };

  public CircuitBreakers(int minimumCalls, Duration openFor, Duration slowCall) {
    this.config = CircuitBreakerConfig.custom()
        .failureRateThreshold(50)
        .slowCallRateThreshold(100)
        .slowCallDurationThreshold(slowCall)
        .slidingWindowSize(Math.max(minimumCalls, 10))
        .minimumNumberOfCalls(minimumCalls)
        .waitDurationInOpenState(openFor)
        .permittedNumberOfCallsInHalfOpenState(2)
        .build();
  }

  /** Permission for one request to contact the base, or empty when its breaker is open (nothing may be sent). */
  Optional<Permit> permit(String breakerKey) {
    CircuitBreaker breaker = breaker(breakerKey);
    return breaker.tryAcquirePermission() ? Optional.of(new Permit(breaker)) : Optional.empty();
  }

  /** One request's permission; its vote is recorded once (later votes are ignored). */
  static final class Permit {
    private final CircuitBreaker breaker;
    private final AtomicBoolean voted = new AtomicBoolean();

    private Permit(CircuitBreaker breaker) {
      this.breaker = breaker;
    }

    void record(ServerVote vote) {
      if (!voted.compareAndSet(false, true)) {
        return;
      }
      long nanos = vote.took().toNanos();
      switch (vote.kind()) {
        case NOT_SENT -> breaker.releasePermission(); // nothing reached the server: no vote, the permission is returned
        case ANSWERED -> breaker.onSuccess(nanos, TimeUnit.NANOSECONDS);
        case FAILED -> breaker.onError(nanos, TimeUnit.NANOSECONDS, ServerFailed.INSTANCE);
      }
    }
  }

  /** What a failed request is recorded as: the reasons are in each key's FetchResult, not here. */
  private static final class ServerFailed extends RuntimeException {
    static final ServerFailed INSTANCE = new ServerFailed();

    private ServerFailed() {
      super("a request's keys failed against the FHIR server", null, false, false);
    }
  }

  public CircuitBreaker.State state(String breakerKey) {
    return breaker(breakerKey).getState();
  }

  /** How many breakers are kept (bounded by MAX_BREAKERS). */
  synchronized int size() {
    return breakers.size();
  }

  private synchronized CircuitBreaker breaker(String key) {
    return breakers.computeIfAbsent(key, k -> CircuitBreaker.of("fhir-" + breakers.size(), config));
  }
}
