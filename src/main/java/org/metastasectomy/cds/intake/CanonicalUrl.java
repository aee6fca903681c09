package org.metastasectomy.cds.intake;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Optional;

/**
 * An http(s) URL in canonical form (RFC 3986 §6.2.2), so that two spellings of one address compare equal: scheme and
 * host in lower case, the default port dropped, percent-encodings of unreserved characters decoded and the others in
 * upper-case hex, dot segments removed, no trailing slash. URLs with user-info, a backslash, a percent-encoded host or
 * a malformed percent-encoding are refused: they are how allow-lists are fooled.
 *
 * <p>Over 200 lines on purpose: the RFC's normalisation steps (scheme/host, port, percent-encoding, dot segments) are
 * one security decision and are kept together, so that no step can be reviewed or changed without the others.
 *
 * @param origin {@code scheme://host[:port]}
 * @param path {@code ""} or {@code /a/b}
 * @param query the raw query (normalised encodings), or null
 * @param fragment the fragment, or null
 */
public record CanonicalUrl(String origin, String path, String query, String fragment) {
  private static final String UNRESERVED = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~";
  /** Characters that may stand unencoded in a URI (unreserved, reserved, and '%' of an encoding). */
  private static final String URI_CHARS = UNRESERVED + ":/?#[]@!$&'()*+,;=%";

  public static Optional<CanonicalUrl> parse(String url) {
    if (url == null || url.isBlank() || url.indexOf('\\') >= 0) {
      return Optional.empty();
    }
    String u = url.trim();
    int colon = u.indexOf("://");
    if (colon <= 0) {
      return Optional.empty();
    }
    String scheme = u.substring(0, colon).toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      return Optional.empty();
    }
    String rest = u.substring(colon + 3);
    int authorityEnd = firstOf(rest, "/?#");
    String authority = rest.substring(0, authorityEnd);
    String origin = origin(scheme, authority);
    if (origin == null) {
      return Optional.empty();
    }
    rest = rest.substring(authorityEnd);
    String fragment = null;
    int hash = rest.indexOf('#');
    if (hash >= 0) {
      fragment = rest.substring(hash + 1);
      rest = rest.substring(0, hash);
    }
    String query = null;
    int question = rest.indexOf('?');
    if (question >= 0) {
      query = normaliseEncoding(rest.substring(question + 1));
      rest = rest.substring(0, question);
    }
    String path = normaliseEncoding(rest);
    if (path == null || (question >= 0 && query == null)) {
      return Optional.empty();
    }
    return Optional.of(new CanonicalUrl(origin, withoutTrailingSlash(removeDotSegments(path)), query, fragment));
  }

  /** {@code scheme://host[:port]/path}: the URL without query and fragment. */
  public String base() {
    return origin + path;
  }

  /** True when this URL is {@code other}'s base or lies below it (a path boundary, never a name prefix). */
  public boolean isAtOrBelow(CanonicalUrl other) {
    return origin.equals(other.origin) && (path.equals(other.path) || path.startsWith(other.path + "/"));
  }

  /** The path below {@code base} (starting with "/", or empty); call only when {@link #isAtOrBelow} holds. */
  String pathBelow(CanonicalUrl base) {
    return path.substring(base.path.length());
  }

  /** This base with a relative part (e.g. {@code /Observation?x=1} or {@code ?_getpages=…}) appended. */
  String resolve(String relative) {
    return base() + relative;
  }

  /** A java.net.URI for sending: characters that may not stand in a URI (such as '|' in a FHIR token) are encoded. */
  static URI toUri(String url) {
    StringBuilder out = new StringBuilder(url.length() + 16);
    for (byte b : url.getBytes(StandardCharsets.UTF_8)) {
      char c = (char) (b & 0xff);
      if (b >= 0 && URI_CHARS.indexOf(c) >= 0) {
        out.append(c);
      } else {
        out.append('%').append(String.format(Locale.ROOT, "%02X", b & 0xff));
      }
    }
    return URI.create(out.toString());
  }

  @Override
  public String toString() {
    return base() + (query == null ? "" : "?" + query) + (fragment == null ? "" : "#" + fragment);
  }

  private static String origin(String scheme, String authority) {
    if (authority.isEmpty() || authority.contains("@") || authority.contains("%")) {
      return null;
    }
    String host;
    String port = "";
    if (authority.startsWith("[")) {
      int close = authority.indexOf(']');
      if (close < 0) {
        return null;
      }
      host = authority.substring(0, close + 1);
      String after = authority.substring(close + 1);
      if (!after.isEmpty() && !after.startsWith(":")) {
        return null;
      }
      port = after.isEmpty() ? "" : after.substring(1);
    } else {
      int c = authority.lastIndexOf(':');
      host = c < 0 ? authority : authority.substring(0, c);
      port = c < 0 ? "" : authority.substring(c + 1);
      if (!host.matches("[A-Za-z0-9.-]+")) {
        return null;
      }
    }
    host = host.toLowerCase(Locale.ROOT);
    if (host.endsWith(".")) {
      host = host.substring(0, host.length() - 1);
    }
    if (host.isEmpty()) {
      return null;
    }
    if (!port.isEmpty()) {
      if (!port.matches("[0-9]{1,5}") || Integer.parseInt(port) < 1 || Integer.parseInt(port) > 65535) {
        return null;
      }
      int n = Integer.parseInt(port);
      boolean isDefault = scheme.equals("http") && n == 80 || scheme.equals("https") && n == 443;
      port = isDefault ? "" : ":" + n;
    }
    return scheme + "://" + host + port;
  }

  /** Decodes %XX of unreserved characters, upper-cases the hex of the others; null for a malformed encoding. */
  private static String normaliseEncoding(String s) {
    StringBuilder out = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c != '%') {
        out.append(c);
        continue;
      }
      if (i + 2 >= s.length() || Character.digit(s.charAt(i + 1), 16) < 0 || Character.digit(s.charAt(i + 2), 16) < 0) {
        return null;
      }
      char decoded = (char) Integer.parseInt(s.substring(i + 1, i + 3), 16);
      if (UNRESERVED.indexOf(decoded) >= 0) {
        out.append(decoded);
      } else {
        out.append('%').append(s.substring(i + 1, i + 3).toUpperCase(Locale.ROOT));
      }
      i += 2;
    }
    return out.toString();
  }

  /** RFC 3986 §5.2.4, on whole segments. */
  private static String removeDotSegments(String path) {
    Deque<String> out = new ArrayDeque<>();
    String[] segments = path.split("/", -1);
    for (int i = 1; i < segments.length; i++) {
      String s = segments[i];
      boolean last = i == segments.length - 1;
      if (s.equals(".")) {
        if (last) {
          out.addLast("");
        }
      } else if (s.equals("..")) {
        out.pollLast();
        if (last) {
          out.addLast("");
        }
      } else {
        out.addLast(s);
      }
    }
    return out.isEmpty() ? "" : "/" + String.join("/", out);
  }

  private static String withoutTrailingSlash(String path) {
    String p = path;
    while (p.endsWith("/")) {
      p = p.substring(0, p.length() - 1);
    }
    return p;
  }

  private static int firstOf(String s, String chars) {
    for (int i = 0; i < s.length(); i++) {
      if (chars.indexOf(s.charAt(i)) >= 0) {
        return i;
      }
    }
    return s.length();
  }
}
