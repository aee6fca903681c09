package org.metastasectomy.cds.intake;

import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * One resilience4j circuit breaker per FHIR server, tuned for a CDS budget (resilience4j's defaults wait 60 s and
 * count slow calls only after 60 s: far looser than a 500 ms hook). It opens when half the calls fail, or when every
 * call in the window is slower than the read timeout.
 */
public final class CircuitBreakers {
  private final CircuitBreakerRegistry registry;

  public CircuitBreakers(int minimumCalls, Duration openFor, Duration slowCall) {
    CircuitBreakerConfig config = CircuitBreakerConfig.custom()
        .failureRateThreshold(50)
        .slowCallRateThreshold(100)
        .slowCallDurationThreshold(slowCall)
        .slidingWindowSize(Math.max(minimumCalls, 10))
        .minimumNumberOfCalls(minimumCalls)
        .waitDurationInOpenState(openFor)
        .permittedNumberOfCallsInHalfOpenState(2)
        .recordException(CircuitBreakers::countsAgainstServer)
        .build();
    this.registry = CircuitBreakerRegistry.of(config);
  }

  /** Thrown when the breaker for a server is open: the call was not attempted. */
  static final class OpenCircuitException extends RuntimeException {
    OpenCircuitException(String message) {
      super(message);
    }
  }

  <T> T call(String fhirServer, Supplier<T> call) {
    CircuitBreaker breaker = registry.circuitBreaker(breakerName(fhirServer));
    try {
      return breaker.executeSupplier(call);
    } catch (CallNotPermittedException e) {
      throw new OpenCircuitException("circuit open");
    }
  }

  /** A 4xx (an expired token, an unknown patient) says nothing about the server's health; everything else does. */
  static boolean countsAgainstServer(Throwable t) {
    return !(t instanceof BaseServerResponseException e && e.getStatusCode() >= 400 && e.getStatusCode() < 500);
  }

  public CircuitBreaker.State state(String fhirServer) {
    return registry.circuitBreaker(breakerName(fhirServer)).getState();
  }

  private static String breakerName(String fhirServer) {
    return fhirServer.replaceAll("[^A-Za-z0-9]", "_");
  }
}
