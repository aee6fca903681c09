package org.metastasectomy.cds.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The algorithm setting cannot be made to accept what CDS Hooks forbids. */
class AlgorithmPolicyTest {

  @ParameterizedTest
  @ValueSource(strings = {"none", "HS256", "HS384", "HS512", "ES384x"})
  void forbiddenOrUnknownAlgorithmsStopTheService(String name) {
    assertThatThrownBy(() -> AlgorithmPolicy.parse(List.of("ES384", name)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("cds.security.jwt.algorithms").hasMessageContaining(name);
  }

  @Test
  void asymmetricAlgorithmsAreAccepted() {
    assertThat(AlgorithmPolicy.parse(List.of("ES384", "RS384", "PS384", "EdDSA")))
        .containsExactlyInAnyOrder(JWSAlgorithm.ES384, JWSAlgorithm.RS384, JWSAlgorithm.PS384, JWSAlgorithm.EdDSA);
  }

  @Test
  void anEmptyListIsAConfigurationError() {
    assertThatThrownBy(() -> AlgorithmPolicy.parse(List.of())).isInstanceOf(IllegalStateException.class);
  }
}
