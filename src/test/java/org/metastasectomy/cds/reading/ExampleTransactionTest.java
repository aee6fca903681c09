package org.metastasectomy.cds.reading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.fhir.context.FhirContext;
import java.util.List;
import org.hl7.fhir.r4.model.Bundle;
import org.junit.jupiter.api.Test;

/** The examples load as one transaction of PUTs: shared resources once, their ids kept, conflicts refused. */
class ExampleTransactionTest {
  private static final FhirContext FHIR = FhirContext.forR4Cached();

  private static String collection(String... resources) {
    return "{\"resourceType\":\"Bundle\",\"type\":\"collection\",\"entry\":["
        + String.join(",", List.of(resources).stream().map(r -> "{\"resource\":" + r + "}").toList()) + "]}";
  }

  private static String patient(String id, String gender) {
    return "{\"resourceType\":\"Patient\",\"id\":\"" + id + "\",\"gender\":\"" + gender + "\"}";
  }

  @Test
  void everyResourceIsOnePutToItsOwnIdAndASharedOneAppearsOnce() {
    String condition = "{\"resourceType\":\"Condition\",\"id\":\"c1\",\"subject\":{\"reference\":\"Patient/p1\"}}";
    Bundle t = ExampleTransaction.build(FHIR, List.of(collection(patient("p1", "male"), condition),
        collection(patient("p1", "male"), patient("p2", "female"))), "https://fhir.example.org/base//");

    assertThat(t.getType()).isEqualTo(Bundle.BundleType.TRANSACTION);
    assertThat(t.getEntry()).extracting(e -> e.getRequest().getUrl()).containsExactly("Patient/p1", "Condition/c1", "Patient/p2");
    assertThat(t.getEntry()).allSatisfy(e -> assertThat(e.getRequest().getMethod()).isEqualTo(Bundle.HTTPVerb.PUT));
    assertThat(t.getEntry().get(1).getFullUrl()).isEqualTo("https://fhir.example.org/base/Condition/c1");
    assertThat(t.getEntry().get(2).getResource().fhirType()).isEqualTo("Patient");
  }

  @Test
  void twoDifferentExamplesUnderOneIdAreRefused() {
    assertThatThrownBy(() -> ExampleTransaction.build(FHIR,
        List.of(collection(patient("p1", "male")), collection(patient("p1", "female"))), "https://x"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("two different examples are both Patient/p1");
  }
}
