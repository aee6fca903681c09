package org.metastasectomy.cds.intake;

import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.client.api.IRestfulClientFactory;
import ca.uhn.fhir.rest.client.exceptions.FhirClientConnectionException;
import ca.uhn.fhir.rest.client.exceptions.NonFhirResponseException;
import ca.uhn.fhir.rest.client.interceptor.BearerTokenAuthInterceptor;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.metastasectomy.cds.intake.FhirServerPolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fetches missing prefetch keys from the EHR's FHIR server through HAPI's generic client: all keys in parallel, with
 * the EHR's bearer token, following next links on the same server (bounded), within an overall deadline, with at most
 * one retry per GET. Nothing is sent to a server outside the allow-list. A key is either complete or failed: a search
 * whose paging is cut short (too many pages, a link off the server, the deadline) counts as failed, never as data.
 */
public final class EhrFhirClient {
  private static final Logger log = LoggerFactory.getLogger(EhrFhirClient.class);

  private final IRestfulClientFactory clients;
  private final FhirServerPolicy policy;
  private final FetchSettings settings;
  private final Executor executor;
  private final CircuitBreakers breakers;
  private final GetRetry retry;
  private final FetchListener listener;

  public EhrFhirClient(IRestfulClientFactory clients, FhirServerPolicy policy, FetchSettings settings, Executor executor,
      CircuitBreakers breakers) {
    this(clients, policy, settings, executor, breakers, FetchListener.NONE);
  }

  public EhrFhirClient(IRestfulClientFactory clients, FhirServerPolicy policy, FetchSettings settings, Executor executor,
      CircuitBreakers breakers, FetchListener listener) {
    this.listener = listener;
    this.clients = clients;
    this.policy = policy;
    this.settings = settings;
    this.executor = executor;
    this.breakers = breakers;
    this.retry = new GetRetry(settings.connectTimeout());
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
        results.put(k, FetchResult.failed("fhirServer is not on cds.fhir.allowed-servers"));
      });
      return results;
    }
    long start = System.nanoTime();
    long deadline = start + settings.deadline().toNanos();
    Map<String, CompletableFuture<FetchResult>> futures = new LinkedHashMap<>();
    queries.forEach((key, query) -> futures.put(key, submit(() -> breakers.call(fhirServer,
        () -> fetch(fhirServer, accessToken, query, deadline)))));
    String origin = ServerOrigin.of(fhirServer);
    futures.forEach((key, future) -> results.put(key, await(key, origin, future, deadline, start)));
    return results;
  }

  /** Bounded concurrency: when every fetch thread and queue slot is taken, the key fails now instead of waiting. */
  private CompletableFuture<FetchResult> submit(java.util.function.Supplier<FetchResult> task) {
    try {
      return CompletableFuture.supplyAsync(task, executor);
    } catch (RejectedExecutionException e) {
      return CompletableFuture.completedFuture(FetchResult.failed("too many concurrent FHIR requests; not attempted"));
    }
  }

  private FetchResult await(String key, String origin, CompletableFuture<FetchResult> future, long deadlineNanos,
      long startNanos) {
    try {
      FetchResult result = future.get(Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
      listener.fetched(result.failed() ? "unreachable" : "ok", Duration.ofNanos(System.nanoTime() - startNanos));
      return result;
    } catch (TimeoutException e) {
      future.cancel(true);
      listener.fetched("timeout", Duration.ofNanos(System.nanoTime() - startNanos));
      log.warn("FHIR fetch for prefetch key {} from {} exceeded the {} ms deadline", key, origin, settings.deadline().toMillis());
      return FetchResult.failed("no answer within the " + settings.deadline().toMillis() + " ms deadline");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return FetchResult.failed("interrupted");
    } catch (ExecutionException e) {
      listener.fetched(outcome(e.getCause()), Duration.ofNanos(System.nanoTime() - startNanos));
      log.warn("FHIR fetch for prefetch key {} from {} failed: {}", key, origin, e.getCause().getClass().getSimpleName());
      return FetchResult.failed(describe(e.getCause()));
    }
  }

  private FetchResult fetch(String fhirServer, String accessToken, String query, long deadline) {
    IGenericClient client = clients.newGenericClient(fhirServer);
    if (accessToken != null && !accessToken.isBlank()) {
      client.registerInterceptor(new BearerTokenAuthInterceptor(accessToken));
    }
    if (!query.contains("?")) {
      int slash = query.indexOf('/');
      IBaseResource resource = retry.get(
          () -> client.read().resource(query.substring(0, slash)).withId(query.substring(slash + 1)).execute(), deadline);
      return FetchResult.ok(List.of(resource));
    }
    List<IBaseResource> resources = new ArrayList<>();
    Bundle page = retry.get(() -> client.search().byUrl(query).returnBundle(Bundle.class).execute(), deadline);
    for (int pages = 1; ; pages++) {
      page.getEntry().stream().map(Bundle.BundleEntryComponent::getResource)
          .filter(r -> r != null && !(r instanceof OperationOutcome)).forEach(resources::add);
      Bundle.BundleLinkComponent next = page.getLink(Bundle.LINK_NEXT);
      if (next == null || !next.hasUrl()) {
        return FetchResult.ok(resources);
      }
      if (pages >= settings.maxPages()) {
        log.warn("FHIR paging on {} stopped after {} pages (cds.fhir.max-pages)", ServerOrigin.of(fhirServer), pages);
        return FetchResult.failed("more than " + settings.maxPages() + " pages of results");
      }
      if (!policy.sameServer(fhirServer, next.getUrl())) {
        log.warn("FHIR paging link from {} points outside that fhirServer; not followed", ServerOrigin.of(fhirServer));
        return FetchResult.failed("a paging link pointed outside fhirServer and was not followed");
      }
      if (System.nanoTime() >= deadline) {
        return FetchResult.failed("paging not finished within the deadline");
      }
      Bundle current = page;
      page = retry.get(() -> client.loadPage().next(current).execute(), deadline);
    }
  }

  /** The metric tag of a failure (FetchListener). */
  private static String outcome(Throwable t) {
    if (t instanceof CircuitBreakers.OpenCircuitException) {
      return "circuit_open";
    }
    if (t instanceof BaseServerResponseException e && !(t instanceof FhirClientConnectionException)
        && e.getStatusCode() >= 400 && e.getStatusCode() < 600) {
      return e.getStatusCode() < 500 ? "http_4xx" : "http_5xx";
    }
    return "unreachable";
  }

  /** Why a key could not be fetched, for the 412's OperationOutcome and the log: never a response body or a token. */
  private static String describe(Throwable t) {
    if (t instanceof CircuitBreakers.OpenCircuitException) {
      return "FHIR server circuit open after repeated failures; not attempted";
    }
    if (t instanceof NonFhirResponseException) {
      return "FHIR server answered with a body that is not FHIR";
    }
    if (hasCause(t, DataFormatException.class)) {
      return "FHIR server answered with invalid FHIR JSON";
    }
    if (hasCause(t, SocketTimeoutException.class)) {
      return "FHIR server did not answer within the read timeout";
    }
    if (t instanceof FhirClientConnectionException) {
      return "FHIR server unreachable or the connection failed";
    }
    if (t instanceof BaseServerResponseException e) {
      return "FHIR server answered HTTP " + e.getStatusCode();
    }
    return "FHIR server answer unusable (" + t.getClass().getSimpleName() + ")";
  }

  private static boolean hasCause(Throwable t, Class<? extends Throwable> type) {
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (type.isInstance(c)) {
        return true;
      }
    }
    return false;
  }
}
