package org.metastasectomy.cds.audit;

import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Deletes audit rows older than cds.audit.retention-days; run on a schedule (config/AuditRetentionSchedule). */
public final class AuditRetention {
  private static final Logger log = LoggerFactory.getLogger(AuditRetention.class);

  private final AuditRepository audit;
  private final Clock clock;
  private final Duration retention;

  public AuditRetention(AuditRepository audit, Clock clock, Duration retention) {
    this.audit = audit;
    this.clock = clock;
    this.retention = retention;
  }

  /** @return how many rows were deleted; 0 when the database is unavailable (the next run catches up) */
  public int purgeExpired() {
    try {
      int deleted = audit.purgeBefore(clock.instant().minus(retention));
      if (deleted > 0) {
        log.info("audit retention: deleted {} rows older than {} days", deleted, retention.toDays());
      }
      return deleted;
    } catch (RuntimeException e) {
      log.warn("audit retention skipped: database unavailable ({})", e.getClass().getSimpleName());
      return 0;
    }
  }
}
