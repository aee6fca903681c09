package org.metastasectomy.cds.reading;

import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Code sets and maps that answer "no" for a null key. FHIR elements are often absent (a coding without a code, an
 * Observation without a status), and {@code Set.of}/{@code Map.of} throw on a null lookup: found by FuzzIT as 500s.
 */
final class Lookup {
  private Lookup() {}

  @SafeVarargs
  static <T> Set<T> set(T... values) {
    return Collections.unmodifiableSet(new LinkedHashSet<>(Arrays.asList(values)));
  }

  static <T> Set<T> copyOf(Collection<T> values) {
    return Collections.unmodifiableSet(new LinkedHashSet<>(values));
  }

  static <K, V> Map<K, V> map(Map<K, V> entries) {
    return Collections.unmodifiableMap(new LinkedHashMap<>(entries));
  }
}
