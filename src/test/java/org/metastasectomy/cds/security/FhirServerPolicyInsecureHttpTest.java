package org.metastasectomy.cds.security;

import org.metastasectomy.cds.intake.FhirServerPolicy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** cds.fhir.allow-insecure-http: plain http to a named host on a private network (the compose sandbox), never in prod. */
class FhirServerPolicyInsecureHttpTest {
  private static final List<String> SANDBOX = List.of("http://hapi:8080/fhir");

  @Test
  void anHttpServerOnANamedHostIsRefusedByDefault() {
    assertThat(new FhirServerPolicy(SANDBOX, false).allows("http://hapi:8080/fhir")).isFalse();
  }

  @Test
  void withInsecureHttpAllowedTheListedHttpServerIsReachable() {
    FhirServerPolicy policy = new FhirServerPolicy(SANDBOX, false, true);
    assertThat(policy.allows("http://hapi:8080/fhir")).isTrue();
    assertThat(policy.allows("http://hapi:8080/fhir/")).isTrue();
  }

  @Test
  void insecureHttpDoesNotWidenTheAllowList() {
    FhirServerPolicy policy = new FhirServerPolicy(SANDBOX, false, true);
    assertThat(policy.allows("http://attacker.example:8080/fhir")).isFalse();
    assertThat(policy.allows("http://hapi:8080/other")).isFalse();
    assertThat(policy.allows("http://user:pw@hapi:8080/fhir")).isFalse();
  }

  @Test
  void theProdProfileRefusesInsecureHttpAtStartup() {
    assertThatThrownBy(() -> new FhirServerPolicy(SANDBOX, true, true))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("cds.fhir.allow-insecure-http")
        .hasMessageContaining("prod");
  }

  @Test
  void theProdProfileStillRefusesLoopbackHttpWithoutTheSetting() {
    assertThat(new FhirServerPolicy(List.of("http://localhost:8089/fhir"), true, false).allows("http://localhost:8089/fhir")).isFalse();
    assertThat(new FhirServerPolicy(List.of("http://localhost:8089/fhir"), false, false).allows("http://localhost:8089/fhir")).isTrue();
  }
}
