package org.metastasectomy.cds.feedback;

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
    return jdbc.sql("""
        SELECT 1 FROM feedback
        WHERE patient_hash = :patient AND card_type = :type AND outcome_timestamp >= :since
        FETCH FIRST 1 ROWS ONLY""")
        .param("patient", patientHash).param("type", cardType).param("since", Timestamp.from(since))
        .query(Integer.class).optional().isPresent();
  }
}
