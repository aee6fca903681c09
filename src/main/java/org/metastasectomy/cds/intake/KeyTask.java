package org.metastasectomy.cds.intake;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * One prefetch key's fetch as a bulkhead task: its result completes when it ran, failed, or was refused. It also keeps
 * what the fetch said about the server ({@link #vote}) for its request's one vote on the circuit breaker.
 */
final class KeyTask implements ServerBulkheads.Task {
  private final boolean urgent;
  private final KeyFetch fetch;
  private final Supplier<FetchResult> work;
  private final CompletableFuture<FetchResult> result = new CompletableFuture<>();
  private volatile String outcome = "unreachable";
  private volatile long sentNanos;
  private volatile ServerVote vote = ServerVote.NOT_SENT;
  private volatile Duration lateAfter;

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

  /** The request stopped waiting for this key at its deadline: if it was sent, the server failed to answer in time. */
  void late() {
    if (sentNanos != 0) {
      lateAfter = Duration.ofNanos(System.nanoTime() - sentNanos);
    }
  }

  /** What this key says about the server: read by the request thread once the key is in or late. */
  ServerVote vote() {
    Duration late = lateAfter;
    return late != null ? ServerVote.failed(late) : vote;
  }

  @Override
  public void run() {
    if (fetch.aborted() || fetch.millisLeft() <= 0) {
      outcome = "timeout";
      result.complete(FetchResult.failed("not started within the deadline"));
      return;
    }
    long start = System.nanoTime();
    sentNanos = start == 0 ? 1 : start;
    try {
      FetchResult fetched = work.get();
      vote = ServerVote.answered(since(start));
      result.complete(fetched);
    } catch (FetchFailure e) {
      outcome = e.outcome();
      vote = e.countsAgainstServer() ? ServerVote.failed(since(start)) : ServerVote.answered(since(start));
      result.complete(FetchResult.failed(e.getMessage()));
    } catch (RuntimeException e) {
      outcome = "unreachable";
      vote = ServerVote.failed(since(start));
      result.complete(FetchResult.failed("FHIR server answer unusable (" + e.getClass().getSimpleName() + ")"));
    }
  }

  @Override
  public void refused(String why) {
    outcome = "unreachable";
    result.complete(FetchResult.failed(why));
  }

  private static Duration since(long startNanos) {
    return Duration.ofNanos(System.nanoTime() - startNanos);
  }
}
