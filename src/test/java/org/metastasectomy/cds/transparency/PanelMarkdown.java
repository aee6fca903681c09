package org.metastasectomy.cds.transparency;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The little Markdown a CDS Hooks card detail uses (paragraphs, "- " lists, **bold**, _emphasis_, [links](url),
 * backslash escapes), rendered to HTML the way an EHR's card panel would: written here so the browser test needs no
 * library and no network. Text is HTML-escaped first; only the Markdown above becomes markup.
 */
final class PanelMarkdown {
  private static final Pattern LINK = Pattern.compile("\\[([^\\]]+)\\]\\(([^)\\s]+)\\)");

  private PanelMarkdown() {}

  static String toHtml(String markdown) {
    StringBuilder html = new StringBuilder();
    boolean inList = false;
    for (String block : markdown.split("\n\n")) {
      for (String line : block.split("\n")) {
        if (line.startsWith("- ")) {
          if (!inList) {
            html.append("<ul>");
            inList = true;
          }
          html.append("<li>").append(inline(line.substring(2))).append("</li>");
        } else {
          if (inList) {
            html.append("</ul>");
            inList = false;
          }
          html.append("<p>").append(inline(line)).append("</p>");
        }
      }
      if (inList) {
        html.append("</ul>");
        inList = false;
      }
    }
    return html.toString();
  }

  private static String inline(String text) {
    // An entity the card wrote (&lt;) stays an entity; any other '&', '<', '>' is escaped.
    String s = text.replace("&lt;", "\u0000").replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        .replace("\u0000", "&lt;");
    s = s.replace("\\*", "\u0001").replace("\\_", "\u0002");
    s = s.replaceAll("\\*\\*(.+?)\\*\\*", "<strong>$1</strong>");
    s = s.replaceAll("(?<![A-Za-z0-9])_(.+?)_(?![A-Za-z0-9])", "<em>$1</em>");
    Matcher m = LINK.matcher(s);
    s = m.replaceAll(r -> "<a href=\"" + Matcher.quoteReplacement(r.group(2)) + "\">" + Matcher.quoteReplacement(r.group(1)) + "</a>");
    return s.replace("\u0001", "*").replace("\u0002", "_");
  }
}
