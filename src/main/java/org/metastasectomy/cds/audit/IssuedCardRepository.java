package org.metastasectomy.cds.audit;

import java.sql.Timestamp;
import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Remembers issued cards, and answers whether feedback quiets a recommendation for a patient. */
public final class IssuedCardRepository {
  private final JdbcClient jdbc;

  public IssuedCardRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public void record(String cardUuid, String cardType, String patientHash, String serviceId, String hookInstance) {
    jdbc.sql("""
        INSERT INTO issued_card (card_uuid, card_type, patient_hash, service_id, hook_instance, issued_at)
        VALUES (:uuid, :type, :patient, :service, :hook, :at)""")
        .param("uuid", cardUuid).param("type", cardType).param("patient", patientHash)
        .param("service", serviceId).param("hook", hookInstance).param("at", Timestamp.from(Instant.now()))
        .update();
  }

  /** True when feedback (accepted or overridden) on this card type for this patient arrived since {@code since}. */
  public boolean feedbackSince(String patientHash, String cardType, Instant since) {
    Integer n = jdbc.sql("""
        SELECT COUNT(*) FROM feedback f JOIN issued_card c ON c.card_uuid = f.card_uuid
        WHERE c.patient_hash = :patient AND c.card_type = :type AND f.outcome_timestamp >= :since""")
        .param("patient", patientHash).param("type", cardType).param("since", Timestamp.from(since))
        .query(Integer.class).single();
    return n != null && n > 0;
  }
}
