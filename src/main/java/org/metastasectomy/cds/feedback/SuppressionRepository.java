package org.metastasectomy.cds.feedback;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Feedback that quiets a recommendation for a patient: the suppression check of each hook, and what an operator lists and
 * clears (issue 12, item 6). A feedback row suppresses from the earlier of the time the clinician acted
 * ({@code outcomeTimestamp}, as the EHR says) and the time it reached the service, so neither a late delivery nor a
 * timestamp in the future stretches the period.
 */
public final class SuppressionRepository {
  private final JdbcClient jdbc;

  public SuppressionRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** One feedback item that quiets a card type for a patient. No patient data: the patient is the key it was found by. */
  public record FeedbackSuppression(String cardUuid, String cardType, String serviceId, String outcome, String overrideCode,
      Instant outcomeTimestamp, Instant receivedAt) {}

  private static final String ACTIVE = """
      SELECT card_uuid, card_type, service_id, outcome, override_code, outcome_timestamp, received_at FROM feedback
      WHERE patient_hash = :patient AND cleared_at IS NULL AND outcome_timestamp >= :since AND received_at >= :since""";

  /** The latest feedback on this card type for this patient since {@code since}, if any. */
  public Optional<FeedbackSuppression> latest(String patientHash, String cardType, Instant since) {
    return jdbc.sql(ACTIVE + " AND card_type = :type ORDER BY outcome_timestamp DESC FETCH FIRST 1 ROWS ONLY")
        .param("patient", patientHash).param("since", Timestamp.from(since)).param("type", cardType)
        .query((rs, i) -> row(rs)).optional();
  }

  /** Every feedback item that quiets some card for this patient since {@code since}. */
  public List<FeedbackSuppression> active(String patientHash, Instant since) {
    return jdbc.sql(ACTIVE + " ORDER BY outcome_timestamp DESC")
        .param("patient", patientHash).param("since", Timestamp.from(since))
        .query((rs, i) -> row(rs)).list();
  }

  /** Ends every suppression of this patient now; the feedback rows stay for the report. @return rows cleared */
  public int clear(String patientHash, Instant now) {
    return jdbc.sql("UPDATE feedback SET cleared_at = :now WHERE patient_hash = :patient AND cleared_at IS NULL")
        .param("now", Timestamp.from(now)).param("patient", patientHash).update();
  }

  private static FeedbackSuppression row(java.sql.ResultSet rs) throws java.sql.SQLException {
    return new FeedbackSuppression(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
        rs.getTimestamp(6).toInstant(), rs.getTimestamp(7).toInstant());
  }
}
