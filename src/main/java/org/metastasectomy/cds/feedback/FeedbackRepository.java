package org.metastasectomy.cds.feedback;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Collectors;
import org.metastasectomy.cds.cdshooks.Feedback;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Stores feedback exactly once: the same item resent (by a retrying EHR) hits the unique dedupe key. Which card it may
 * be about is decided before (FeedbackService); the row copies that card's type and patient for suppression.
 */
public final class FeedbackRepository {
  private final JdbcClient jdbc;

  public FeedbackRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * @param card the issued card this feedback is about, already checked to belong to the caller and the service
   * @return true when stored now, false when it was already stored
   */
  public boolean store(String serviceId, Feedback f, Instant outcomeTimestamp, IssuedCardRepository.IssuedCardRecord card,
      Instant receivedAt) {
    String accepted = f.acceptedSuggestions() == null ? null
        : f.acceptedSuggestions().stream().map(Feedback.AcceptedSuggestion::id).sorted().collect(Collectors.joining(","));
    var reason = f.overrideReason() == null ? null : f.overrideReason().reason();
    try {
      jdbc.sql("""
          INSERT INTO feedback (dedupe_key, service_id, card_uuid, outcome, accepted_suggestions, override_system,
            override_code, override_display, has_user_comment, outcome_timestamp, received_at, patient_hash, card_type)
          VALUES (:key, :service, :card, :outcome, :accepted, :system, :code, :display, :comment, :at, :received,
            :patient, :type)""")
          .param("patient", card.patientHash())
          .param("type", card.cardType())
          .param("key", dedupeKey(serviceId, f, accepted, outcomeTimestamp))
          .param("service", serviceId)
          .param("card", f.card())
          .param("outcome", f.outcome())
          .param("accepted", accepted)
          .param("system", reason == null ? null : reason.system())
          .param("code", reason == null ? null : reason.code())
          .param("display", reason == null ? null : reason.display())
          .param("comment", f.overrideReason() != null && f.overrideReason().userComment() != null)
          .param("at", Timestamp.from(outcomeTimestamp))
          .param("received", Timestamp.from(receivedAt))
          .update();
      return true;
    } catch (DuplicateKeyException e) {
      return false;
    }
  }

  /** Deletes feedback received before {@code cutoff} (cds.feedback.retention-days). */
  public int purgeBefore(Instant cutoff) {
    return jdbc.sql("DELETE FROM feedback WHERE received_at < :cutoff").param("cutoff", Timestamp.from(cutoff)).update();
  }

  /** Outcomes per card type: accepted and overridden counts, and override reasons. */
  public List<FeedbackCount> counts() {
    return jdbc.sql("""
        SELECT COALESCE(f.card_type, 'UNKNOWN_CARD') AS card_type, f.outcome, f.override_code, COUNT(*) AS n
        FROM feedback f
        GROUP BY COALESCE(f.card_type, 'UNKNOWN_CARD'), f.outcome, f.override_code
        ORDER BY 1, 2, 3""")
        .query((rs, i) -> new FeedbackCount(rs.getString("card_type"), rs.getString("outcome"), rs.getString("override_code"), rs.getLong("n")))
        .list();
  }

  /** One row of the feedback report. */
  public record FeedbackCount(String cardType, String outcome, String overrideCode, long count) {}

  private static String dedupeKey(String serviceId, Feedback f, String accepted, Instant at) {
    var reason = f.overrideReason() == null ? null : f.overrideReason().reason();
    String raw = String.join("|", serviceId, f.card(), f.outcome(), String.valueOf(accepted), at.toString(),
        reason == null ? "" : reason.system() + "#" + reason.code());
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(raw.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
