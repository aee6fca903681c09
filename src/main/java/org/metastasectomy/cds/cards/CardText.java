package org.metastasectomy.cds.cards;

import org.metastasectomy.cds.model.Site;

/** Small text helpers shared by the card builders. */
final class CardText {
  private CardText() {}

  /** The spec's summary limit is "<140 characters"; validators reject 140. */
  static final int MAX_SUMMARY = 139;

  static String fit(String text, int max) {
    if (text.length() <= max) {
      return text;
    }
    return text.substring(0, max - 1).stripTrailing() + "…";
  }

  /** Markdown that renders as text: a '<' from chart data can never open an HTML tag in the EHR. */
  static String md(String text) {
    if (text == null) {
      return "";
    }
    // Only a '<' that could open a tag or comment is escaped: "< 80%" stays readable in the raw Markdown too.
    return text.replaceAll("<(?=[A-Za-z/!?])", "&lt;").replace("*", "\\*").replace("_", "\\_");
  }

  /** "lung, bone": site labels in the given order. */
  static String sites(java.util.Collection<Site> sites) {
    return sites.stream().map(Site::label).collect(java.util.stream.Collectors.joining(", "));
  }

  static String capitalise(String s) {
    return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }
}
