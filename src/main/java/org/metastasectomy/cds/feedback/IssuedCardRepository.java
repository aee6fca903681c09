package org.metastasectomy.cds.feedback;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Remembers issued cards (to whom, by which service, for which patient), so feedback can be checked against them. */
public final class IssuedCardRepository {
  private final JdbcClient jdbc;

  public IssuedCardRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** A card as issued: its type, the patient (keyed hash), the service, and the caller it was issued to. */
  public record IssuedCardRecord(String cardUuid, String cardType, String patientHash, String serviceId, String issuer,
      String tenant) {}

  /** @param hookInstance the invocation that issued it (cut to its column: an audit detail, never a key) */
  public void record(IssuedCardRecord c, String hookInstance) {
    jdbc.sql("""
        INSERT INTO issued_card (card_uuid, card_type, patient_hash, service_id, hook_instance, issued_at, issuer, tenant)
        VALUES (:uuid, :type, :patient, :service, :hook, :at, :issuer, :tenant)""")
        .param("uuid", c.cardUuid()).param("type", c.cardType()).param("patient", c.patientHash())
        .param("service", c.serviceId()).param("hook", cut(hookInstance, 100)).param("at", Timestamp.from(Instant.now()))
        .param("issuer", cut(c.issuer(), 300)).param("tenant", cut(c.tenant(), 200))
        .update();
  }

  public Optional<IssuedCardRecord> find(String cardUuid) {
    return jdbc.sql("SELECT card_uuid, card_type, patient_hash, service_id, issuer, tenant FROM issued_card WHERE card_uuid = :uuid")
        .param("uuid", cardUuid)
        .query((rs, i) -> new IssuedCardRecord(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
            rs.getString(5), rs.getString(6)))
        .optional();
  }

  /** Deletes cards issued before {@code cutoff}: feedback on them is then refused as on an unknown card. */
  public int purgeBefore(Instant cutoff) {
    return jdbc.sql("DELETE FROM issued_card WHERE issued_at < :cutoff").param("cutoff", Timestamp.from(cutoff)).update();
  }

  private static String cut(String s, int max) {
    return s == null || s.length() <= max ? s : s.substring(0, max);
  }
}
