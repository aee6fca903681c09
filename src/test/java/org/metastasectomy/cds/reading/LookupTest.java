package org.metastasectomy.cds.reading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** An absent FHIR element (a null code) looked up in a code set is "no", never a NullPointerException (a 500). */
class LookupTest {

  @Test
  void aSetHoldsItsValuesInOrderAnswersNoForNullAndCannotChange() {
    Set<String> set = Lookup.set("b", "a");
    assertThat(set).containsExactly("b", "a");
    assertThat(set.contains(null)).isFalse();
    assertThatThrownBy(() -> set.add("c")).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void aCopyIsIndependentOfItsSource() {
    List<String> source = new ArrayList<>(List.of("x", "y"));
    Set<String> copy = Lookup.copyOf(source);
    source.add("z");
    assertThat(copy).containsExactly("x", "y");
    assertThat(copy.contains(null)).isFalse();
  }

  @Test
  void aMapAnswersNullForANullKey() {
    Map<String, Integer> map = Lookup.map(Map.of("k", 1));
    assertThat(map).containsExactly(Map.entry("k", 1));
    assertThat(map.get(null)).isNull();
    assertThat(map.containsKey(null)).isFalse();
  }
}
