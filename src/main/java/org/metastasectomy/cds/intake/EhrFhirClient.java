package org.metastasectomy.cds.intake;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.parser.LenientErrorHandler;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.http.impl.client.CloseableHttpClient;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fetches missing prefetch keys from the EHR's FHIR server: all keys in parallel, with the EHR's bearer token, within
 * one deadline per request, each key through its server's bulkhead, with at most one retry per GET. The request, not
 * each key, passes its base's circuit breaker: one permission for all its keys, one vote on how the server did.
 * Searches ask for large pages ({@code _count}) and follow next links on the same base under any name of its server.
 * Every answer is capped (bytes on the wire, unpacked bytes, entries, pages) and read as a stream; at the deadline
 * every GET still running is aborted. A key is either complete or failed: a search cut short (a cap, a link
 * off the server, the deadline) counts as failed, never as data. Nothing is sent to a server off the allow-list.
 */
public final class EhrFhirClient {
  private static final Logger log = LoggerFactory.getLogger(EhrFhirClient.class);

  private final FhirContext fhir;
  private final FhirServerPolicy policy;
  private final FetchSettings settings;
  private final ServerBulkheads bulkheads;
  private final CircuitBreakers breakers;
  private final FhirGet get;
  private final GetRetry retry;
  private final FetchListener listener;

  /**
   * @param http an Apache client without redirects, automatic retries or automatic unpacking (config.EhrFhirConfiguration)
   * @param fhir a FhirContext of the EHR client's own, with a parser error handler that logs nothing
   */
  public EhrFhirClient(CloseableHttpClient http, FhirContext fhir, FhirServerPolicy policy, FetchSettings settings,
      Executor executor, CircuitBreakers breakers, FetchListener listener) {
    this.fhir = fhir;
    this.policy = policy;
    this.settings = settings;
    this.bulkheads = new ServerBulkheads(executor, settings.maxConcurrencyPerServer(), settings.maxConcurrencyPerServer() * 16);
    this.breakers = breakers;
    this.get = new FhirGet(http, settings);
    this.retry = new GetRetry(settings.connectTimeout());
    this.listener = listener;
  }

  public boolean canReach(String fhirServer) {
    return policy.allows(fhirServer);
  }

  FetchSettings settings() {
    return settings;
  }

  /**
   * @param queries key → relative query (e.g. Condition?patient=123 or Patient/123)
   * @param budget the time for all keys together (FetchSettings#deadlineFor)
   */
  Map<String, FetchResult> fetchAll(String fhirServer, String accessToken, Map<String, String> queries, Duration budget) {
    Map<String, FetchResult> results = new LinkedHashMap<>();
    Optional<FhirEndpoint> endpoint = policy.endpoint(fhirServer);
    if (endpoint.isEmpty()) {
      queries.keySet().forEach(k -> {
        listener.fetched("not_allowed", Duration.ZERO);
        results.put(k, FetchResult.failed("fhirServer is not on cds.fhir.allowed-servers"));
      });
      return results;
    }
    FhirEndpoint to = endpoint.get();
    Optional<CircuitBreakers.Permit> permit = breakers.permit(to.breakerKey());
    if (permit.isEmpty()) {
      log.warn("FHIR fetch for prefetch keys {} from {} not attempted: the server's circuit is open", queries.keySet(),
          ServerOrigin.of(fhirServer));
      queries.keySet().forEach(k -> {
        listener.fetched("circuit_open", Duration.ZERO);
        results.put(k, FetchResult.failed(CircuitBreakers.OPEN));
      });
      return results;
    }
    long start = System.nanoTime();
    long deadline = start + budget.toNanos();
    Map<String, KeyTask> tasks = new LinkedHashMap<>();
    queries.forEach((key, query) -> {
      KeyFetch fetch = new KeyFetch(deadline, settings.maxAnswerBytes(), settings.maxEntries());
      tasks.put(key, new KeyTask(PrefetchKeys.REQUIRED.contains(key), fetch, () -> fetch(to, accessToken, query, fetch)));
    });
    // required keys queue ahead of optional ones when the server's bulkhead is full
    tasks.values().stream().filter(KeyTask::urgent).forEach(t -> bulkheads.submit(to.server(), t));
    tasks.values().stream().filter(t -> !t.urgent()).forEach(t -> bulkheads.submit(to.server(), t));
    try {
      String origin = ServerOrigin.of(fhirServer);
      tasks.forEach((key, task) -> results.put(key, await(key, origin, task, budget, start)));
    } finally {
      tasks.values().forEach(t -> {
        t.fetch().abort();
        bulkheads.withdraw(to.server(), t);
      });
      permit.get().record(ServerVote.ofRequest(tasks.values().stream().map(KeyTask::vote).toList()));
    }
    return results;
  }

  private FetchResult await(String key, String origin, KeyTask task, Duration budget, long startNanos) {
    try {
      FetchResult result = task.result().get(Math.max(0, task.fetch().deadlineNanos() - System.nanoTime()), TimeUnit.NANOSECONDS);
      listener.fetched(result.failed() ? task.outcome() : "ok", Duration.ofNanos(System.nanoTime() - startNanos));
      if (result.failed()) {
        log.warn("FHIR fetch for prefetch key {} from {} failed: {}", key, origin, result.failure());
      }
      return result;
    } catch (TimeoutException e) {
      task.late();
      task.fetch().abort();
      listener.fetched("timeout", Duration.ofNanos(System.nanoTime() - startNanos));
      log.warn("FHIR fetch for prefetch key {} from {} exceeded the {} ms deadline; stopped", key, origin, budget.toMillis());
      return FetchResult.failed("no complete answer within the " + budget.toMillis() + " ms deadline");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return FetchResult.failed("interrupted");
    } catch (ExecutionException e) {
      return FetchResult.failed("FHIR server answer unusable");
    }
  }

  private FetchResult fetch(FhirEndpoint endpoint, String accessToken, String query, KeyFetch fetch) {
    if (!query.contains("?")) {
      IBaseResource resource = retry.get(() -> get.get(fetch, endpoint.url(query), accessToken,
          body -> parser().parseResource(new InputStreamReader(body, StandardCharsets.UTF_8))), fetch);
      return FetchResult.ok(List.of(resource));
    }
    List<IBaseResource> resources = new ArrayList<>();
    String url = endpoint.url(withCount(query));
    for (int pages = 1; ; pages++) {
      String page = url;
      SearchPageReader.Page read = retry.get(() -> get.get(fetch, page, accessToken,
          body -> SearchPageReader.read(body, parser(), fetch.entriesLeft())), fetch);
      resources.addAll(read.resources());
      if (read.next() == null) {
        return FetchResult.ok(resources);
      }
      if (pages >= settings.maxPages()) {
        throw new FetchFailure(FetchFailure.Kind.TOO_LARGE, "more than " + settings.maxPages() + " pages of results", false);
      }
      Optional<String> next = endpoint.follow(read.next());
      if (next.isEmpty()) {
        log.warn("FHIR paging link from {} points outside that fhirServer; not followed", ServerOrigin.of(endpoint.url("")));
        throw new FetchFailure(FetchFailure.Kind.INVALID, "a paging link pointed outside fhirServer and was not followed", false);
      }
      url = next.get();
    }
  }

  /** Asks for pages of {@code cds.fhir.page-size} unless the query names its own {@code _count}. */
  private String withCount(String query) {
    boolean hasCount = query.contains("?_count=") || query.contains("&_count=");
    return hasCount ? query : query + "&_count=" + settings.pageSize();
  }

  private IParser parser() {
    return fhir.newJsonParser().setParserErrorHandler(new LenientErrorHandler(false));
  }
}
