package org.metastasectomy.cds.feedback;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.metastasectomy.cds.cdshooks.Coding;
import org.metastasectomy.cds.cdshooks.Feedback;

/**
 * Reads a feedback post (CDS Hooks 2.0 §Feedback) and checks every item against the spec and against the sizes the
 * feedback table can hold, before anything is stored: a bad item is a 400 naming it, never a 503 and never a half-stored
 * post (issue 15, finding 8).
 */
final class FeedbackParser {
  private static final Pattern UUID_LIKE = Pattern.compile("[A-Za-z0-9\\-]{1,64}");
  /** Items in one post: an EHR reports on the cards of one or a few invocations at a time. */
  static final int MAX_ITEMS = 100;
  static final int MAX_SUGGESTIONS = 20;
  /** The feedback table's columns: override_code, override_system, override_display. */
  static final int MAX_CODE = 100;
  static final int MAX_SYSTEM = 300;
  static final int MAX_DISPLAY = 300;

  private FeedbackParser() {}

  /** A checked item with its outcome time read. */
  record Item(Feedback feedback, Instant outcomeTimestamp, String field) {}

  static List<Item> parse(JsonNode body) {
    JsonNode list = body.get("feedback");
    if (list == null || !list.isArray() || list.isEmpty()) {
      throw new InvalidFeedbackException("feedback", "feedback must be a non-empty array");
    }
    if (list.size() > MAX_ITEMS) {
      throw new InvalidFeedbackException("feedback", "at most " + MAX_ITEMS + " feedback items per request");
    }
    List<Item> out = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      out.add(item(list.get(i), "feedback[" + i + "]."));
    }
    return out;
  }

  private static Item item(JsonNode n, String at) {
    if (!n.isObject()) {
      throw new InvalidFeedbackException(at.substring(0, at.length() - 1), "each feedback item must be an object");
    }
    String card = text(n, "card", at, true, 64);
    if (!UUID_LIKE.matcher(card).matches()) {
      throw new InvalidFeedbackException(at + "card", at + "card must be a card uuid");
    }
    String outcome = text(n, "outcome", at, true, 16);
    if (!outcome.equals("accepted") && !outcome.equals("overridden")) {
      throw new InvalidFeedbackException(at + "outcome", at + "outcome must be accepted or overridden");
    }
    String timestamp = text(n, "outcomeTimestamp", at, true, 64);
    List<Feedback.AcceptedSuggestion> accepted = suggestions(n.get("acceptedSuggestions"), at);
    if (outcome.equals("accepted") && accepted.isEmpty()) {
      throw new InvalidFeedbackException(at + "acceptedSuggestions", at + "acceptedSuggestions is required when outcome is accepted");
    }
    Feedback.OverrideReason reason = overrideReason(n.get("overrideReason"), at);
    if (reason != null && outcome.equals("accepted")) {
      throw new InvalidFeedbackException(at + "overrideReason", at + "overrideReason is only for outcome overridden");
    }
    Feedback f = new Feedback(card, outcome, accepted.isEmpty() ? null : accepted, reason, timestamp);
    try {
      return new Item(f, OffsetDateTime.parse(timestamp).toInstant(), at.substring(0, at.length() - 1));
    } catch (DateTimeParseException e) {
      throw new InvalidFeedbackException(at + "outcomeTimestamp", at + "outcomeTimestamp must be an RFC 3339 date-time");
    }
  }

  private static List<Feedback.AcceptedSuggestion> suggestions(JsonNode suggestions, String at) {
    List<Feedback.AcceptedSuggestion> accepted = new ArrayList<>();
    if (suggestions == null || suggestions.isNull()) {
      return accepted;
    }
    if (!suggestions.isArray()) {
      throw new InvalidFeedbackException(at + "acceptedSuggestions", at + "acceptedSuggestions must be an array");
    }
    if (suggestions.size() > MAX_SUGGESTIONS) {
      throw new InvalidFeedbackException(at + "acceptedSuggestions", at + "acceptedSuggestions has more than " + MAX_SUGGESTIONS + " items");
    }
    for (JsonNode s : suggestions) {
      if (!s.isObject()) {
        throw new InvalidFeedbackException(at + "acceptedSuggestions", at + "acceptedSuggestions items must be objects");
      }
      String id = text(s, "id", at + "acceptedSuggestions[].", true, 64);
      if (!UUID_LIKE.matcher(id).matches()) {
        throw new InvalidFeedbackException(at + "acceptedSuggestions[].id", at + "acceptedSuggestions[].id must be a suggestion uuid");
      }
      accepted.add(new Feedback.AcceptedSuggestion(id));
    }
    return accepted;
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
      coding = new Coding(text(r, "code", p, true, MAX_CODE), text(r, "system", p, true, MAX_SYSTEM),
          text(r, "display", p, false, MAX_DISPLAY));
    }
    JsonNode comment = n.get("userComment");
    // the comment itself is never stored (it may hold patient data): only whether there was one
    return new Feedback.OverrideReason(coding, comment != null && comment.isTextual() ? "" : null);
  }

  private static String text(JsonNode n, String field, String at, boolean required, int maxLength) {
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
    if (v.asText().length() > maxLength) {
      throw new InvalidFeedbackException(at + field, at + field + " is longer than " + maxLength + " characters");
    }
    return v.asText();
  }
}
