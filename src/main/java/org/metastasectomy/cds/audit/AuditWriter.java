package org.metastasectomy.cds.audit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.metastasectomy.cds.feedback.IssuedCardRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes audit rows and issued-card rows off the request path, in batches of one transaction each: a hook answer never
 * waits for the database, and a database outage never blocks a hook. When the queue is full (the database is down or
 * far behind) rows are dropped and counted ({@code cds.audit.dropped}) rather than slowing the EHR down.
 */
public final class AuditWriter implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(AuditWriter.class);
  private static final int MAX_BATCH = 256;
  /**
   * After the first row of a batch, how long to let more rows arrive: under load one transaction then carries dozens of
   * rows instead of one or two (a commit per row was a third of the writer's CPU). A flush waits at most this much more.
   */
  private static final long LINGER_MILLIS = 20;

  private final AuditRepository audit;
  private final IssuedCardRepository issuedCards;
  private final TransactionTemplate transactions;
  private final BlockingQueue<Object> queue;
  private final Counter dropped;
  private final Thread thread;
  private volatile boolean running = true;

  /** An issued card to remember, so later feedback can be tied to the recommendation and the patient. */
  public record IssuedCardRow(String cardUuid, String cardType, String patientHash, String serviceId, String hookInstance,
      String issuer, String tenant) {}

  private record Flush(CountDownLatch done) {}

  public AuditWriter(AuditRepository audit, IssuedCardRepository issuedCards, TransactionTemplate transactions,
      MeterRegistry metrics, int capacity) {
    this.audit = audit;
    this.issuedCards = issuedCards;
    this.transactions = transactions;
    this.queue = new ArrayBlockingQueue<>(capacity);
    this.dropped = metrics.counter("cds.audit.dropped");
    this.thread = new Thread(this::run, "audit-writer");
    thread.setDaemon(true);
    thread.start();
  }

  public void append(AuditRepository.AuditEvent event) {
    offer(event);
  }

  public void issued(IssuedCardRow row) {
    offer(row);
  }

  /** Waits until everything queued before this call is written (feedback needs its card; tests read the rows). */
  public void flush() {
    CountDownLatch done = new CountDownLatch(1);
    try {
      if (queue.offer(new Flush(done), 2, TimeUnit.SECONDS)) {
        done.await(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    flush();
    running = false;
    thread.interrupt();
  }

  private void offer(Object row) {
    if (!queue.offer(row)) {
      dropped.increment();
      if ((long) dropped.count() % 1000 == 1) {
        log.warn("audit queue full: rows are being dropped ({} so far)", (long) dropped.count());
      }
    }
  }

  private void run() {
    List<Object> batch = new ArrayList<>(MAX_BATCH);
    while (running) {
      try {
        Object first = queue.poll(200, TimeUnit.MILLISECONDS);
        if (first == null) {
          continue;
        }
        batch.add(first);
        queue.drainTo(batch, MAX_BATCH - 1);
        if (batch.size() < MAX_BATCH && !(first instanceof Flush)) {
          Thread.sleep(LINGER_MILLIS);
          queue.drainTo(batch, MAX_BATCH - batch.size());
        }
        write(batch);
      } catch (InterruptedException e) {
        if (!running) {
          return;
        }
      } finally {
        batch.clear();
      }
    }
  }

  private void write(List<Object> batch) {
    List<Flush> flushes = new ArrayList<>();
    List<Object> rows = new ArrayList<>();
    batch.forEach(o -> {
      if (o instanceof Flush f) {
        flushes.add(f);
      } else {
        rows.add(o);
      }
    });
    try {
      if (!rows.isEmpty()) {
        List<AuditRepository.AuditEvent> events = new ArrayList<>(rows.size());
        rows.forEach(r -> {
          if (r instanceof AuditRepository.AuditEvent e) {
            events.add(e);
          }
        });
        transactions.executeWithoutResult(status -> {
          if (!events.isEmpty()) {
            audit.appendAll(events);
          }
          rows.forEach(r -> {
            if (!(r instanceof AuditRepository.AuditEvent)) {
              insert(r);
            }
          });
        });
      }
    } catch (DataIntegrityViolationException oneRowIsBad) {
      writeOneByOne(rows);
    } catch (RuntimeException e) {
      dropped.increment(rows.size());
      log.warn("{} audit rows not written: database unavailable ({})", rows.size(), e.getClass().getSimpleName());
    } finally {
      flushes.forEach(f -> f.done().countDown());
    }
  }

  /**
   * A batch refused for its data (a value too long, a duplicate key) is written again row by row, so that one bad row
   * costs only itself, never the other callers' rows (issue 15, finding 6). If the database itself fails meanwhile, the
   * rest of the batch is dropped at once rather than failing slowly row after row.
   */
  private void writeOneByOne(List<Object> rows) {
    int bad = 0;
    for (int i = 0; i < rows.size(); i++) {
      Object row = rows.get(i);
      try {
        transactions.executeWithoutResult(status -> insert(row));
      } catch (DataIntegrityViolationException e) {
        bad++;
        dropped.increment();
      } catch (RuntimeException e) {
        dropped.increment(rows.size() - i);
        log.warn("{} audit rows not written: database unavailable ({})", rows.size() - i, e.getClass().getSimpleName());
        break;
      }
    }
    if (bad > 0) {
      log.warn("{} audit rows refused by the database for their content; the other rows of the batch were written", bad);
    }
  }

  private void insert(Object row) {
    if (row instanceof AuditRepository.AuditEvent event) {
      audit.append(event);
    } else if (row instanceof IssuedCardRow c) {
      issuedCards.record(new IssuedCardRepository.IssuedCardRecord(c.cardUuid(), c.cardType(), c.patientHash(),
          c.serviceId(), c.issuer(), c.tenant()), c.hookInstance());
    }
  }
}
