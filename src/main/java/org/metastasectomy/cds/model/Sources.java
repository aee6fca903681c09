package org.metastasectomy.cds.model;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** FHIR references a value rests on: blanks dropped, each reference once, in the order first seen. */
public final class Sources {
  private Sources() {}

  public static List<String> of(String... references) {
    return append(new ArrayList<>(), references);
  }

  @SafeVarargs
  public static List<String> join(Collection<String>... lists) {
    List<String> out = new ArrayList<>();
    for (Collection<String> list : lists) {
      list.forEach(s -> add(out, s));
    }
    return List.copyOf(out);
  }

  private static List<String> append(List<String> out, String... references) {
    for (String s : references) {
      add(out, s);
    }
    return List.copyOf(out);
  }

  private static void add(List<String> out, String s) {
    if (s != null && !s.isBlank() && !out.contains(s)) {
      out.add(s);
    }
  }
}
