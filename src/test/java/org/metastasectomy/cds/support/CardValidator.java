package org.metastasectomy.cds.support;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks a CDS Hooks response against the spec's card rules (CDS Hooks 2.0 §Card Attributes, and the 3.0 invariants
 * cds-resp-1..6). Every test that sees a card runs it.
 */
public final class CardValidator {
  private static final Set<String> INDICATORS = Set.of("info", "warning", "critical");
  private static final Set<String> SELECTION = Set.of("at-most-one", "any");
  private static final Set<String> ACTION_TYPES = Set.of("create", "update", "delete");
  private static final Set<String> LINK_TYPES = Set.of("absolute", "smart");
  /** An HTML tag or comment start: GFM would pass it to the EHR as raw HTML. */
  private static final Pattern RAW_HTML = Pattern.compile("<\\s*[A-Za-z!/?]");

  private CardValidator() {}

  /** @return the problems found; empty when the response is valid */
  public static List<String> problems(JsonNode response) {
    List<String> p = new ArrayList<>();
    if (!response.isObject() || !response.has("cards") || !response.get("cards").isArray()) {
      p.add("response must be an object with a cards array");
      return p;
    }
    noNullOrEmpty(response, "$", p);
    int i = 0;
    for (JsonNode card : response.get("cards")) {
      card(card, "cards[" + i++ + "]", p);
    }
    return p;
  }

  public static void assertValid(JsonNode response) {
    List<String> p = problems(response);
    if (!p.isEmpty()) {
      throw new AssertionError("invalid CDS Hooks response:\n - " + String.join("\n - ", p));
    }
  }

  private static void card(JsonNode c, String at, List<String> p) {
    String summary = c.path("summary").asText("");
    if (summary.isBlank() || summary.length() >= 140) {
      p.add(at + ".summary must be present and under 140 characters (" + summary.length() + ")");
    }
    if (!INDICATORS.contains(c.path("indicator").asText())) {
      p.add(at + ".indicator must be info, warning or critical");
    }
    if (c.path("source").path("label").asText("").isBlank()) {
      p.add(at + ".source.label is required");
    }
    absoluteUrl(c.path("source").get("url"), at + ".source.url", p);
    if (c.path("uuid").asText("").isBlank()) {
      p.add(at + ".uuid is required by this service (feedback needs it)");
    }
    if (c.has("detail") && RAW_HTML.matcher(c.get("detail").asText()).find()) {
      p.add(at + ".detail contains raw HTML");
    }
    JsonNode suggestions = c.get("suggestions");
    if (suggestions != null) {
      if (!SELECTION.contains(c.path("selectionBehavior").asText())) {
        p.add(at + ".selectionBehavior must be at-most-one or any when suggestions are present");
      }
      long recommended = 0;
      int s = 0;
      for (JsonNode sug : suggestions) {
        String sat = at + ".suggestions[" + s++ + "]";
        if (sug.path("label").asText("").isBlank()) {
          p.add(sat + ".label is required");
        }
        if (sug.path("isRecommended").asBoolean(false)) {
          recommended++;
        }
        int a = 0;
        for (JsonNode action : sug.path("actions")) {
          action(action, sat + ".actions[" + a++ + "]", p);
        }
      }
      if ("at-most-one".equals(c.path("selectionBehavior").asText()) && recommended > 1) {
        p.add(at + ": at-most-one allows at most one recommended suggestion");
      }
    }
    int o = 0;
    for (JsonNode reason : c.path("overrideReasons")) {
      String oat = at + ".overrideReasons[" + o++ + "]";
      for (String field : List.of("code", "system", "display")) {
        if (reason.path(field).asText("").isBlank()) {
          p.add(oat + "." + field + " is required");
        }
      }
    }
    int l = 0;
    for (JsonNode link : c.path("links")) {
      String lat = at + ".links[" + l++ + "]";
      if (link.path("label").asText("").isBlank()) {
        p.add(lat + ".label is required");
      }
      if (!LINK_TYPES.contains(link.path("type").asText())) {
        p.add(lat + ".type must be absolute or smart");
      }
      if (link.has("appContext") && !"smart".equals(link.path("type").asText())) {
        p.add(lat + ".appContext is only for smart links");
      }
      absoluteUrl(link.get("url"), lat + ".url", p);
    }
  }

  private static void action(JsonNode action, String at, List<String> p) {
    String type = action.path("type").asText();
    if (!ACTION_TYPES.contains(type)) {
      p.add(at + ".type must be create, update or delete");
    }
    if (action.path("description").asText("").isBlank()) {
      p.add(at + ".description is required");
    }
    if (type.equals("delete") && (!action.has("resourceId") || action.has("resource"))) {
      p.add(at + ": delete uses resourceId and no resource");
    }
    if ((type.equals("create") || type.equals("update")) && !action.path("resource").isObject()) {
      p.add(at + ": " + type + " needs a resource");
    }
  }

  private static void absoluteUrl(JsonNode url, String at, List<String> p) {
    if (url != null && !url.asText().matches("https?://\\S+")) {
      p.add(at + " must be an absolute URL");
    }
  }

  private static void noNullOrEmpty(JsonNode node, String at, List<String> p) {
    if (node.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        JsonNode v = e.getValue();
        boolean emptyAllowed = at.equals("$") && e.getKey().equals("cards");
        if (v.isNull() || (v.isTextual() && v.asText().isEmpty()) || (v.isContainerNode() && v.isEmpty() && !emptyAllowed)) {
          p.add(at + "." + e.getKey() + " is null or empty (omit it instead)");
        }
        noNullOrEmpty(v, at + "." + e.getKey(), p);
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        noNullOrEmpty(node.get(i), at + "[" + i + "]", p);
      }
    }
  }
}
