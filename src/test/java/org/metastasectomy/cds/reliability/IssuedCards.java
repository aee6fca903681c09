package org.metastasectomy.cds.reliability;

import java.sql.Timestamp;
import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Cards as the service records them when it issues them, for tests about feedback itself: feedback is accepted only on a
 * card the service issued to the same caller (open mode: no issuer) by the same service.
 */
final class IssuedCards {
  /** A patient no hook request names: feedback on such a card quiets nobody's card. */
  static final String NOBODY = "f".repeat(64);

  private IssuedCards() {}

  static void issue(JdbcClient jdbc, String cardUuid, String serviceId) {
    jdbc.sql("""
        INSERT INTO issued_card (card_uuid, card_type, patient_hash, service_id, hook_instance, issued_at)
        VALUES (:uuid, 'TUMOUR_BOARD_REVIEW', :patient, :service, 'test', :at)""")
        .param("uuid", cardUuid).param("patient", NOBODY).param("service", serviceId)
        .param("at", Timestamp.from(Instant.now())).update();
  }
}
