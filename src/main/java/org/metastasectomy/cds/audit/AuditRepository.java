package org.metastasectomy.cds.audit;

import java.sql.Timestamp;
import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Appends one audit row per invocation and deletes rows past the retention period. No clinical values by default. */
public final class AuditRepository {
  private final JdbcClient jdbc;

  public AuditRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** One invocation as audited. */
  public record AuditEvent(
      String hookInstance, String serviceId, int httpStatus, String cardUuids, String modelVersion, long latencyMs,
      String issuer, String tenant, String patientHash, String detail) {}

  public void append(AuditEvent e) {
    jdbc.sql("""
        INSERT INTO audit_event (hook_instance, service_id, occurred_at, http_status, card_uuids, model_version,
          latency_ms, issuer, tenant, patient_hash, detail)
        VALUES (:hook, :service, :at, :status, :cards, :model, :latency, :issuer, :tenant, :patient, :detail)""")
        .param("hook", truncate(e.hookInstance(), 100)).param("service", truncate(e.serviceId(), 100))
        .param("at", Timestamp.from(Instant.now())).param("status", e.httpStatus())
        .param("cards", truncate(e.cardUuids(), 2000)).param("model", e.modelVersion()).param("latency", e.latencyMs())
        .param("issuer", truncate(e.issuer(), 300)).param("tenant", truncate(e.tenant(), 200))
        .param("patient", e.patientHash()).param("detail", truncate(e.detail(), 4000))
        .update();
  }

  public int purgeBefore(Instant cutoff) {
    return jdbc.sql("DELETE FROM audit_event WHERE occurred_at < :cutoff").param("cutoff", Timestamp.from(cutoff)).update();
  }

  private static String truncate(String s, int max) {
    return s == null || s.length() <= max ? s : s.substring(0, max);
  }
}
