package org.metastasectomy.cds.security;

/**
 * Makes a value that came from a request or a token safe for one log line: every character outside printable ASCII is
 * written as an escape ({@code \n}, {@code \r}, {@code \t}, {@code \u001b} ...), so a caller cannot start a forged log
 * line or send terminal control sequences to whoever reads the log; long values are cut. Apply it at the log call to
 * anything the service did not write itself (docs/security.md §4).
 */
public final class LogText {
  static final int MAX = 200;

  private LogText() {}

  public static String of(Object value) {
    if (value == null) {
      return null;
    }
    String text = value.toString();
    StringBuilder out = new StringBuilder(Math.min(text.length(), MAX) + 8);
    int i = 0;
    for (; i < text.length() && out.length() < MAX; i++) {
      char c = text.charAt(i);
      switch (c) {
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        case '\\' -> out.append("\\\\");
        default -> {
          if (c >= 0x20 && c <= 0x7E) {
            out.append(c);
          } else {
            out.append(String.format("\\u%04x", (int) c));
          }
        }
      }
    }
    return i < text.length() ? out.append("...").toString() : out.toString();
  }
}
