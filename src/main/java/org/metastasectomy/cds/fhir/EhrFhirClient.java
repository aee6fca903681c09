package org.metastasectomy.cds.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.client.exceptions.FhirClientConnectionException;
import ca.uhn.fhir.rest.client.interceptor.BearerTokenAuthInterceptor;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.metastasectomy.cds.security.FhirServerPolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fetches missing prefetch keys from the EHR's FHIR server through HAPI's generic client: all keys in parallel, with
 * the EHR's bearer token, following next links on the same server (bounded), within an overall deadline. Nothing is
 * sent to a server outside the allow-list.
 */
public final class EhrFhirClient {
  private static final Logger log = LoggerFactory.getLogger(EhrFhirClient.class);

  private final FhirContext fhir;
  private final FhirServerPolicy policy;
  private final FetchSettings settings;
  private final Executor executor;
  private final CircuitBreakers breakers;
  private final FetchListener listener;

  public EhrFhirClient(FhirContext fhir, FhirServerPolicy policy, FetchSettings settings, Executor executor, CircuitBreakers breakers) {
    this(fhir, policy, settings, executor, breakers, FetchListener.NONE);
  }

  public EhrFhirClient(FhirContext fhir, FhirServerPolicy policy, FetchSettings settings, Executor executor,
      CircuitBreakers breakers, FetchListener listener) {
    this.listener = listener;
    this.fhir = fhir;
    this.policy = policy;
    this.settings = settings;
    this.executor = executor;
    this.breakers = breakers;
  }

  public boolean canReach(String fhirServer) {
    return policy.allows(fhirServer);
  }

  /** @param queries key → relative query (e.g. Condition?patient=123 or Patient/123) */
  Map<String, FetchResult> fetchAll(String fhirServer, String accessToken, Map<String, String> queries) {
    Map<String, FetchResult> results = new LinkedHashMap<>();
    if (!policy.allows(fhirServer)) {
      queries.keySet().forEach(k -> {
        listener.fetched("not_allowed", Duration.ZERO);
        results.put(k, FetchResult.failed("fhirServer is not on the allow-list"));
      });
      return results;
    }
    long start = System.nanoTime();
    Map<String, CompletableFuture<FetchResult>> futures = new LinkedHashMap<>();
    queries.forEach((key, query) -> futures.put(key,
        CompletableFuture.supplyAsync(() -> breakers.call(fhirServer, () -> fetch(fhirServer, accessToken, query)), executor)));
    long deadline = start + settings.deadline().toNanos();
    futures.forEach((key, future) -> results.put(key, await(key, future, deadline, start)));
    return results;
  }

  private FetchResult await(String key, CompletableFuture<FetchResult> future, long deadlineNanos, long startNanos) {
    try {
      FetchResult result = future.get(Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
      listener.fetched("ok", Duration.ofNanos(System.nanoTime() - startNanos));
      return result;
    } catch (TimeoutException e) {
      future.cancel(true);
      listener.fetched("timeout", Duration.ofNanos(System.nanoTime() - startNanos));
      log.warn("FHIR fetch for prefetch key {} exceeded the {} ms deadline", key, settings.deadline().toMillis());
      return FetchResult.failed("deadline exceeded");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return FetchResult.failed("interrupted");
    } catch (ExecutionException e) {
      listener.fetched(outcome(e.getCause()), Duration.ofNanos(System.nanoTime() - startNanos));
      log.warn("FHIR fetch for prefetch key {} failed: {}", key, e.getCause().getClass().getSimpleName());
      return FetchResult.failed(describe(e.getCause()));
    }
  }

  private static String outcome(Throwable t) {
    if (t instanceof FhirClientConnectionException) {
      return "unreachable";
    }
    if (t instanceof BaseServerResponseException e && e.getStatusCode() >= 400 && e.getStatusCode() < 600) {
      return e.getStatusCode() < 500 ? "http_4xx" : "http_5xx";
    }
    if (t instanceof CircuitBreakers.OpenCircuitException) {
      return "circuit_open";
    }
    return "unreachable";
  }

  private FetchResult fetch(String fhirServer, String accessToken, String query) {
    IGenericClient client = fhir.newRestfulGenericClient(fhirServer);
    if (accessToken != null && !accessToken.isBlank()) {
      client.registerInterceptor(new BearerTokenAuthInterceptor(accessToken));
    }
    if (!query.contains("?")) {
      int slash = query.indexOf('/');
      IBaseResource resource = client.read().resource(query.substring(0, slash)).withId(query.substring(slash + 1)).execute();
      return FetchResult.ok(List.of(resource));
    }
    List<IBaseResource> resources = new ArrayList<>();
    Bundle page = client.search().byUrl(query).returnBundle(Bundle.class).execute();
    for (int pages = 1; ; pages++) {
      page.getEntry().stream().map(Bundle.BundleEntryComponent::getResource)
          .filter(r -> r != null && !(r instanceof OperationOutcome)).forEach(resources::add);
      Bundle.BundleLinkComponent next = page.getLink(Bundle.LINK_NEXT);
      if (next == null || pages >= settings.maxPages()) {
        if (next != null) {
          log.warn("FHIR paging stopped after {} pages", pages);
        }
        break;
      }
      if (!policy.sameServer(fhirServer, next.getUrl())) {
        log.warn("FHIR paging link points outside the fhirServer; not followed");
        break;
      }
      page = client.loadPage().next(page).execute();
    }
    return FetchResult.ok(resources);
  }

  private static String describe(Throwable t) {
    // HAPI reports a failed connection as a BaseServerResponseException with status 500: it is not an answer
    if (t instanceof BaseServerResponseException e && !(t instanceof FhirClientConnectionException)) {
      return "FHIR server answered HTTP " + e.getStatusCode();
    }
    if (t instanceof CircuitBreakers.OpenCircuitException) {
      return "FHIR server circuit open after repeated failures";
    }
    return "FHIR server unreachable (" + t.getClass().getSimpleName() + ")";
  }
}
