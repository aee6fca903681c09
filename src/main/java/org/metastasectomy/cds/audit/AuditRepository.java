package org.metastasectomy.cds.audit;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Appends one audit row per invocation and deletes rows past the retention period. No clinical values by default. */
public final class AuditRepository {
  private final JdbcOperations jdbc;

  public AuditRepository(JdbcOperations jdbc) {
    this.jdbc = jdbc;
  }

  /** One invocation as audited. */
  public record AuditEvent(
      String hookInstance, String serviceId, int httpStatus, String cardUuids, String modelVersion, long latencyMs,
      String issuer, String tenant, String patientHash, String detail) {}

  public void append(AuditEvent e) {
    appendAll(List.of(e));
  }

  /** All rows with one prepared statement (a JDBC batch): a statement per row was most of the audit writer's CPU. */
  public void appendAll(List<AuditEvent> events) {
    Timestamp at = Timestamp.from(Instant.now());
    jdbc.batchUpdate("""
        INSERT INTO audit_event (hook_instance, service_id, occurred_at, http_status, card_uuids, model_version,
          latency_ms, issuer, tenant, patient_hash, detail)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", events, events.size(), (ps, e) -> {
          ps.setString(1, truncate(e.hookInstance(), 100));
          ps.setString(2, truncate(e.serviceId(), 100));
          ps.setTimestamp(3, at);
          ps.setInt(4, e.httpStatus());
          ps.setString(5, truncate(e.cardUuids(), 2000));
          ps.setString(6, e.modelVersion());
          ps.setLong(7, e.latencyMs());
          ps.setString(8, truncate(e.issuer(), 300));
          ps.setString(9, truncate(e.tenant(), 200));
          ps.setString(10, e.patientHash());
          ps.setString(11, truncate(e.detail(), 4000));
        });
  }

  public int purgeBefore(Instant cutoff) {
    return JdbcClient.create(jdbc).sql("DELETE FROM audit_event WHERE occurred_at < :cutoff").param("cutoff", Timestamp.from(cutoff)).update();
  }

  private static String truncate(String s, int max) {
    return s == null || s.length() <= max ? s : s.substring(0, max);
  }
}
