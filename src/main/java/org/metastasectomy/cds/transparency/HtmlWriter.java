package org.metastasectomy.cds.transparency;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Writes HTML5 (polyglot: also well-formed XML) where every text and attribute value is escaped, so knowledge-file
 * wording can never become markup. Tag and attribute names must be plain names; closing a tag that is not the innermost
 * open one fails at once, so a page cannot be rendered with broken nesting.
 */
final class HtmlWriter {
  private static final Pattern NAME = Pattern.compile("[a-z][a-zA-Z0-9-]*");
  private static final Set<String> VOID = Set.of("meta", "link", "br", "hr", "img", "rect", "line", "path");

  private final StringBuilder out = new StringBuilder(16_384);
  private final Deque<String> open = new ArrayDeque<>();

  HtmlWriter doctype() {
    out.append("<!DOCTYPE html>\n");
    return this;
  }

  /** Opens an element; {@code attributes} are name/value pairs, a null value omits the attribute. */
  HtmlWriter open(String tag, String... attributes) {
    startTag(tag, attributes);
    out.append('>');
    open.push(tag);
    return this;
  }

  HtmlWriter close(String tag) {
    String innermost = open.peek();
    if (!tag.equals(innermost)) {
      throw new IllegalStateException("closing <" + tag + "> but <" + innermost + "> is open");
    }
    open.pop();
    out.append("</").append(tag).append('>');
    if (!"a".equals(tag) && !"span".equals(tag) && !"code".equals(tag) && !"strong".equals(tag)) {
      out.append('\n');
    }
    return this;
  }

  /** A void element ({@code <meta/>}) or an SVG shape without content. */
  HtmlWriter empty(String tag, String... attributes) {
    if (!VOID.contains(tag)) {
      throw new IllegalArgumentException("<" + tag + "> is not a void element");
    }
    startTag(tag, attributes);
    out.append("/>");
    return this;
  }

  HtmlWriter text(String text) {
    out.append(escape(text == null ? "" : text));
    return this;
  }

  /** An element holding only text. */
  HtmlWriter element(String tag, String text, String... attributes) {
    return open(tag, attributes).text(text).close(tag);
  }

  /** A link; external links carry no referrer and open nothing but the page. */
  HtmlWriter link(String href, String text) {
    boolean external = href.startsWith("http://") || href.startsWith("https://");
    return external ? element("a", text, "href", href, "rel", "noopener noreferrer") : element("a", text, "href", href);
  }

  /** The page's own stylesheet, a constant of this code; never knowledge text. */
  HtmlWriter style(String css) {
    if (css.contains("<") || css.contains("&")) {
      throw new IllegalArgumentException("a stylesheet must not contain '<' or '&'");
    }
    out.append("<style>").append(css).append("</style>\n");
    return this;
  }

  String html() {
    if (!open.isEmpty()) {
      throw new IllegalStateException("elements left open: " + open);
    }
    return out.toString();
  }

  static String escape(String s) {
    StringBuilder b = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&' -> b.append("&amp;");
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&#39;");
        default -> b.append(c);
      }
    }
    return b.toString();
  }

  private void startTag(String tag, String... attributes) {
    requireName(tag);
    if (attributes.length % 2 != 0) {
      throw new IllegalArgumentException("attributes come in name/value pairs");
    }
    out.append('<').append(tag);
    for (int i = 0; i < attributes.length; i += 2) {
      if (attributes[i + 1] == null) {
        continue;
      }
      requireName(attributes[i]);
      out.append(' ').append(attributes[i]).append("=\"").append(escape(attributes[i + 1])).append('"');
    }
  }

  private static void requireName(String name) {
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("not a plain element or attribute name: " + name);
    }
  }
}
