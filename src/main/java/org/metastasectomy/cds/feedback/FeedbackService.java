package org.metastasectomy.cds.feedback;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.metastasectomy.cds.cdshooks.Coding;
import org.metastasectomy.cds.cdshooks.Feedback;
import org.springframework.dao.DataAccessException;

/** Validates feedback (CDS Hooks 2.0 §Feedback) and stores each item once. */
public final class FeedbackService {
  private static final Pattern UUID_LIKE = Pattern.compile("[A-Za-z0-9\\-]{1,64}");

  private final FeedbackRepository repository;
  private final MeterRegistry metrics;
  private final Runnable pendingWrites;

  /** @param pendingWrites flushes queued issued-card rows, so feedback finds the card it is about */
  public FeedbackService(FeedbackRepository repository, MeterRegistry metrics, Runnable pendingWrites) {
    this.repository = repository;
    this.metrics = metrics;
    this.pendingWrites = pendingWrites;
  }

  /** @return how many items were new (the rest had been stored before) */
  public int accept(String serviceId, JsonNode body) {
    List<Feedback> items = parse(body);
    pendingWrites.run();
    int stored = 0;
    try {
      for (Feedback f : items) {
        if (repository.store(serviceId, f, timestamp(f))) {
          stored++;
          metrics.counter("cds.feedback", "outcome", f.outcome()).increment();
        }
      }
    } catch (DataAccessException e) {
      throw new FeedbackUnavailableException(e);
    }
    return stored;
  }

  static List<Feedback> parse(JsonNode body) {
    JsonNode list = body.get("feedback");
    if (list == null || !list.isArray() || list.isEmpty()) {
      throw new InvalidFeedbackException("feedback", "feedback must be a non-empty array");
    }
    List<Feedback> out = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      out.add(item(list.get(i), "feedback[" + i + "]."));
    }
    return out;
  }

  private static Feedback item(JsonNode n, String at) {
    if (!n.isObject()) {
      throw new InvalidFeedbackException(at.substring(0, at.length() - 1), "each feedback item must be an object");
    }
    String card = text(n, "card", at, true);
    if (!UUID_LIKE.matcher(card).matches()) {
      throw new InvalidFeedbackException(at + "card", at + "card must be a card uuid");
    }
    String outcome = text(n, "outcome", at, true);
    if (!outcome.equals("accepted") && !outcome.equals("overridden")) {
      throw new InvalidFeedbackException(at + "outcome", at + "outcome must be accepted or overridden");
    }
    String timestamp = text(n, "outcomeTimestamp", at, true);
    List<Feedback.AcceptedSuggestion> accepted = new ArrayList<>();
    JsonNode suggestions = n.get("acceptedSuggestions");
    if (suggestions != null && !suggestions.isNull()) {
      if (!suggestions.isArray()) {
        throw new InvalidFeedbackException(at + "acceptedSuggestions", at + "acceptedSuggestions must be an array");
      }
      for (JsonNode s : suggestions) {
        accepted.add(new Feedback.AcceptedSuggestion(text(s, "id", at + "acceptedSuggestions[].", true)));
      }
    }
    if (outcome.equals("accepted") && accepted.isEmpty()) {
      throw new InvalidFeedbackException(at + "acceptedSuggestions", at + "acceptedSuggestions is required when outcome is accepted");
    }
    Feedback.OverrideReason reason = overrideReason(n.get("overrideReason"), at);
    if (reason != null && outcome.equals("accepted")) {
      throw new InvalidFeedbackException(at + "overrideReason", at + "overrideReason is only for outcome overridden");
    }
    Feedback f = new Feedback(card, outcome, accepted.isEmpty() ? null : accepted, reason, timestamp);
    timestamp(f, at);
    return f;
  }

  private static Feedback.OverrideReason overrideReason(JsonNode n, String at) {
    if (n == null || n.isNull()) {
      return null;
    }
    if (!n.isObject()) {
      throw new InvalidFeedbackException(at + "overrideReason", at + "overrideReason must be an object");
    }
    JsonNode r = n.get("reason");
    Coding coding = null;
    if (r != null && !r.isNull()) {
      if (!r.isObject()) {
        throw new InvalidFeedbackException(at + "overrideReason.reason", at + "overrideReason.reason must be a Coding");
      }
      String p = at + "overrideReason.reason.";
      coding = new Coding(text(r, "code", p, true), text(r, "system", p, true), text(r, "display", p, false));
    }
    JsonNode comment = n.get("userComment");
    return new Feedback.OverrideReason(coding, comment != null && comment.isTextual() ? comment.asText() : null);
  }

  private static Instant timestamp(Feedback f) {
    return timestamp(f, "");
  }

  private static Instant timestamp(Feedback f, String at) {
    try {
      return OffsetDateTime.parse(f.outcomeTimestamp()).toInstant();
    } catch (DateTimeParseException e) {
      throw new InvalidFeedbackException(at + "outcomeTimestamp", at + "outcomeTimestamp must be an RFC 3339 date-time");
    }
  }

  private static String text(JsonNode n, String field, String at, boolean required) {
    JsonNode v = n.get(field);
    if (v == null || v.isNull()) {
      if (required) {
        throw new InvalidFeedbackException(at + field, at + field + " is required");
      }
      return null;
    }
    if (!v.isTextual() || v.asText().isBlank()) {
      throw new InvalidFeedbackException(at + field, at + field + " must be a non-empty string");
    }
    return v.asText();
  }
}
