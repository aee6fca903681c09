package org.metastasectomy.cds.intake;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * A bulkhead per FHIR server on the shared fetch threads: at most {@code perServer} fetches of one server run at once;
 * more wait in that server's queue (required keys ahead of optional ones), and beyond {@code queuePerServer} waiting a
 * key is refused at once. So one server that answers slowly or not at all holds at most {@code perServer} threads and
 * the other servers keep theirs. The key is the configured server ({@link FhirEndpoint#server()}): a fixed set, known
 * from the allow-list, so this map never grows beyond it.
 */
final class ServerBulkheads {
  private final Executor threads;
  private final int perServer;
  private final int queuePerServer;
  private final Map<String, Lane> lanes = new HashMap<>();

  ServerBulkheads(Executor threads, int perServer, int queuePerServer) {
    this.threads = threads;
    this.perServer = perServer;
    this.queuePerServer = queuePerServer;
  }

  /** A queued task: whether it is urgent (a required key) and what to do if it is never run. */
  interface Task extends Runnable {
    boolean urgent();

    void refused(String why);
  }

  /** Runs the task now or later; {@code task.refused} is called instead when the server's queue is full. */
  void submit(String server, Task task) {
    String refusal;
    synchronized (this) {
      Lane lane = lanes.computeIfAbsent(server, s -> new Lane());
      if (lane.running < perServer) {
        lane.running++;
        refusal = start(lane, task);
      } else if (lane.waiting() < queuePerServer) {
        (task.urgent() ? lane.urgent : lane.later).addLast(task);
        return;
      } else {
        refusal = "too many concurrent requests to this FHIR server; not attempted";
      }
    }
    if (refusal != null) {
      task.refused(refusal);
    }
  }

  /** Withdraws a task that has not started (its request gave up on it). */
  synchronized void withdraw(String server, Task task) {
    Lane lane = lanes.get(server);
    if (lane != null) {
      lane.urgent.remove(task);
      lane.later.remove(task);
    }
  }

  /** Holds the lock. Returns why the shared pool refused, or null. */
  private String start(Lane lane, Task task) {
    try {
      threads.execute(() -> runThenNext(lane, task));
      return null;
    } catch (RejectedExecutionException e) {
      lane.running--;
      return "too many concurrent FHIR requests; not attempted";
    }
  }

  private void runThenNext(Lane lane, Task task) {
    try {
      task.run();
    } finally {
      startNext(lane);
    }
  }

  /** Starts the next waiting task, urgent ones first; refuses those the shared pool will not take. */
  private void startNext(Lane lane) {
    while (true) {
      Task next;
      String refusal;
      synchronized (this) {
        next = lane.urgent.isEmpty() ? lane.later.pollFirst() : lane.urgent.pollFirst();
        if (next == null) {
          lane.running--;
          return;
        }
        refusal = start(lane, next);
        if (refusal == null) {
          return;
        }
        lane.running++; // start() gave the slot back; keep it for the next waiting task
      }
      next.refused(refusal);
    }
  }

  private static final class Lane {
    int running;
    final Deque<Task> urgent = new ArrayDeque<>();
    final Deque<Task> later = new ArrayDeque<>();

    int waiting() {
      return urgent.size() + later.size();
    }
  }
}
