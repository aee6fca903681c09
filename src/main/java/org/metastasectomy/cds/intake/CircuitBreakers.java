package org.metastasectomy.cds.intake;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * One resilience4j circuit breaker per FHIR base (the canonical base under the configured server's first name, so
 * every spelling and alias of one base shares a breaker), tuned for a CDS budget (resilience4j's defaults wait 60 s and
 * count slow calls only after 60 s: far looser than a 500 ms hook). It opens when half the calls fail, or when every
 * call in the window is slower than the read timeout. At most {@link #MAX_BREAKERS} are kept, least recently used
 * dropped first: bases are paths under allowed servers, so the set is small, but a caller must not grow it at will.
 */
public final class CircuitBreakers {
  static final int MAX_BREAKERS = 256;

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
        .recordException(CircuitBreakers::countsAgainstServer)
        .build();
  }

  /** Thrown when the breaker for a server is open: the call was not attempted. */
  static final class OpenCircuitException extends RuntimeException {
    OpenCircuitException() {
      super("FHIR server circuit open after repeated failures; not attempted", null, false, false);
    }
  }

  <T> T call(String breakerKey, Supplier<T> call) {
    try {
      return breaker(breakerKey).executeSupplier(call);
    } catch (CallNotPermittedException e) {
      throw new OpenCircuitException();
    }
  }

  /** A 4xx (an expired token, an unknown patient) says nothing about the server's health; everything else does. */
  static boolean countsAgainstServer(Throwable t) {
    return !(t instanceof FetchFailure f) || f.countsAgainstServer();
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
