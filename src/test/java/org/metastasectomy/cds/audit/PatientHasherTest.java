package org.metastasectomy.cds.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The patient key stays the keyed hash of the whole tuple, whether or not it was remembered from a recent call. */
class PatientHasherTest {
  private static final byte[] KEY = "0123456789abcdef0123456789abcdef".getBytes();

  @Test
  void aRememberedHashEqualsAFreshOneAndEveryPartOfTheTupleCounts() {
    PatientHasher hasher = new PatientHasher(KEY);
    String first = hasher.hash("iss", "t1", "https://ehr/fhir", "p1");
    Set<String> others = new HashSet<>();
    for (int i = 0; i < 3000; i++) { // more patients than it remembers
      others.add(hasher.hash("iss", "t1", "https://ehr/fhir", "p" + (i + 2)));
    }
    assertThat(others).hasSize(3000).doesNotContain(first);
    assertThat(hasher.hash("iss", "t1", "https://ehr/fhir", "p1")).isEqualTo(first)
        .isEqualTo(new PatientHasher(KEY).hash("iss", "t1", "https://ehr/fhir", "p1"));
    assertThat(Set.of(first, hasher.hash("other", "t1", "https://ehr/fhir", "p1"), hasher.hash("iss", null, "https://ehr/fhir", "p1"),
        hasher.hash("iss", "t1", "https://ehr2/fhir", "p1"), hasher.hash(null, "t1", "https://ehr/fhir", "p1"))).hasSize(5);
    assertThat(new PatientHasher("another key, another hash........".getBytes()).hash("iss", "t1", "https://ehr/fhir", "p1"))
        .isNotEqualTo(first);
  }
}
