package org.metastasectomy.cds.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** What the prod profile insists on, checked on configurations bound the way Spring Boot binds them. */
class ProductionReadinessTest {
  static final Map<String, String> READY = Map.of(
      "cds.security.jwt.enabled", "true",
      "cds.security.jwt.issuers[0].iss", "https://ehr.example.org",
      "cds.security.jwt.issuers[0].jwks-uri", "https://ehr.example.org/.well-known/jwks.json",
      "cds.security.public-base-url", "https://cds.example.org",
      "cds.fhir.allowed-servers[0]", "https://fhir.example.org/r4");

  @Test
  void aFullyConfiguredServiceIsReady() {
    assertThat(ProductionReadiness.problems(bind(READY))).isEmpty();
  }

  @Test
  void theDefaultsAreNotReady() {
    assertThat(ProductionReadiness.problems(bind(Map.of()))).anyMatch(p -> p.startsWith("cds.security.jwt.enabled must be true"))
        .anyMatch(p -> p.startsWith("no trusted issuer")).anyMatch(p -> p.startsWith("cds.security.public-base-url"));
  }

  @Test
  void eachUnsafeSettingIsNamed() {
    assertThat(ProductionReadiness.problems(bind(with("cds.security.jwt.enabled", "false"))))
        .containsExactly("cds.security.jwt.enabled must be true (CDS_SECURITY_JWT_ENABLED=true)");
    assertThat(ProductionReadiness.problems(bind(with("cds.security.public-base-url", "http://cds.example.org"))))
        .singleElement().asString().startsWith("cds.security.public-base-url must be the https URL");
    assertThat(ProductionReadiness.problems(bind(with("cds.fhir.allowed-servers[0]", "http://localhost:8089/fhir"))))
        .containsExactly("cds.fhir.allowed-servers[0] must be https: http://localhost:8089/fhir");
  }

  private static Map<String, String> with(String key, String value) {
    Map<String, String> map = new HashMap<>(READY);
    map.put(key, value);
    return map;
  }

  private static CdsProperties bind(Map<String, String> properties) {
    return new Binder(List.of(new MapConfigurationPropertySource(properties))).bindOrCreate("cds", Bindable.of(CdsProperties.class));
  }
}
