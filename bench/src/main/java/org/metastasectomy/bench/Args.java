package org.metastasectomy.bench;

import java.util.HashMap;
import java.util.Map;

/** Tiny "--name=value" / "--name value" parser shared by the bench's command-line tools. */
final class Args {
  private final Map<String, String> values = new HashMap<>();

  Args(String[] args) {
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      if (!a.startsWith("--")) {
        throw new IllegalArgumentException("unexpected argument: " + a);
      }
      String name = a.substring(2);
      int eq = name.indexOf('=');
      if (eq >= 0) {
        values.put(name.substring(0, eq), name.substring(eq + 1));
      } else if (i + 1 < args.length && !args[i + 1].startsWith("--")) {
        values.put(name, args[++i]);
      } else {
        values.put(name, "true");
      }
    }
  }

  String get(String name, String fallback) {
    return values.getOrDefault(name, fallback);
  }

  String require(String name) {
    String v = values.get(name);
    if (v == null) {
      throw new IllegalArgumentException("missing --" + name);
    }
    return v;
  }

  int getInt(String name, int fallback) {
    String v = values.get(name);
    return v == null ? fallback : Integer.parseInt(v);
  }
}
