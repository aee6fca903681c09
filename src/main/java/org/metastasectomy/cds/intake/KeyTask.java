package org.metastasectomy.cds.intake;

import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/** One prefetch key's fetch as a bulkhead task: its result completes when it ran, failed, or was refused. */
final class KeyTask implements ServerBulkheads.Task {
  private final boolean urgent;
  private final KeyFetch fetch;
  private final Supplier<FetchResult> work;
  private final CompletableFuture<FetchResult> result = new CompletableFuture<>();
  private volatile String outcome = "unreachable";

  KeyTask(boolean urgent, KeyFetch fetch, Supplier<FetchResult> work) {
    this.urgent = urgent;
    this.fetch = fetch;
    this.work = work;
  }

  @Override
  public boolean urgent() {
    return urgent;
  }

  KeyFetch fetch() {
    return fetch;
  }

  CompletableFuture<FetchResult> result() {
    return result;
  }

  String outcome() {
    return outcome;
  }

  @Override
  public void run() {
    if (fetch.aborted() || fetch.millisLeft() <= 0) {
      outcome = "timeout";
      result.complete(FetchResult.failed("not started within the deadline"));
      return;
    }
    try {
      result.complete(work.get());
    } catch (CircuitBreakers.OpenCircuitException e) {
      outcome = "circuit_open";
      result.complete(FetchResult.failed(e.getMessage()));
    } catch (FetchFailure e) {
      outcome = e.outcome();
      result.complete(FetchResult.failed(e.getMessage()));
    } catch (RuntimeException e) {
      outcome = "unreachable";
      result.complete(FetchResult.failed("FHIR server answer unusable (" + e.getClass().getSimpleName() + ")"));
    }
  }

  @Override
  public void refused(String why) {
    outcome = "unreachable";
    result.complete(FetchResult.failed(why));
  }
}
