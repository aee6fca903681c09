package org.metastasectomy.cds.cards;

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
    return text.replace("<", "&lt;").replace("*", "\\*").replace("_", "\\_");
  }

  static String capitalise(String s) {
    return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }
}
