package org.metastasectomy.cds.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.File;
import java.io.IOException;
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
      "cds.fhir.allowed-servers[0]", "https://fhir.example.org/r4",
      "cds.audit.patient-hash-key", "q8PpV3l7c1m0dQ2x9Wn4hJ6tY5rB0aZ");
  static final ProductionReadiness.Database POSTGRES =
      new ProductionReadiness.Database("jdbc:postgresql://db.example.org:5432/cds", "cds", "s3cret-from-the-vault");

  @Test
  void aFullyConfiguredServiceIsReady() {
    assertThat(ProductionReadiness.problems(bind(READY), POSTGRES)).isEmpty();
  }

  @Test
  void theDefaultsAreNotReady() {
    assertThat(ProductionReadiness.problems(bind(Map.of()), ProductionReadiness.Database.DEFAULT))
        .anyMatch(p -> p.startsWith("cds.security.jwt.enabled must be true"))
        .anyMatch(p -> p.startsWith("no trusted issuer")).anyMatch(p -> p.startsWith("cds.security.public-base-url"))
        .anyMatch(p -> p.startsWith("spring.datasource.url"));
  }

  @Test
  void eachUnsafeSettingIsNamedWithItsEnvironmentVariable() {
    assertThat(problems(with("cds.security.jwt.enabled", "false")))
        .containsExactly("cds.security.jwt.enabled must be true (CDS_SECURITY_JWT_ENABLED=true)");
    assertThat(problems(with("cds.security.public-base-url", "http://cds.example.org")))
        .singleElement().asString().startsWith("cds.security.public-base-url (CDS_SECURITY_PUBLICBASEURL) must be the https URL");
    assertThat(problems(with("cds.fhir.allowed-servers[0]", "http://localhost:8089/fhir")))
        .containsExactly("cds.fhir.allowed-servers[0] must be https: http://localhost:8089/fhir");
    assertThat(problems(with("cds.fhir.allow-insecure-http", "true")))
        .singleElement().asString().startsWith("cds.fhir.allow-insecure-http (CDS_FHIR_ALLOWINSECUREHTTP) must be false");
  }

  @Test
  void thePlaceholderPatientHashKeyIsRefusedAndAnEmptyOneAccepted() {
    assertThat(problems(with("cds.audit.patient-hash-key", "change-me-to-a-long-random-string"))).singleElement().asString()
        .startsWith("cds.audit.patient-hash-key (CDS_AUDIT_PATIENTHASHKEY) is still the template's change-me marker")
        .doesNotContain("to-a-long-random-string");
    assertThat(problems(with("cds.audit.patient-hash-key", ""))).as("empty: a key is generated in the shared database")
        .isEmpty();
  }

  @Test
  void theLocalH2DatabaseAndPlaceholderCredentialsAreRefusedWithoutPrintingThem() {
    CdsProperties ready = bind(READY);
    for (String h2 : List.of("jdbc:h2:file:./data/cds;AUTO_SERVER=FALSE", "jdbc:h2:mem:cds", "JDBC:H2:tcp://db/cds")) {
      assertThat(ProductionReadiness.problems(ready, new ProductionReadiness.Database(h2, "sa", "")))
          .singleElement().asString().startsWith("spring.datasource.url (SPRING_DATASOURCE_URL) is the local H2 database")
          .doesNotContain(h2);
    }
    assertThat(ProductionReadiness.problems(ready,
        new ProductionReadiness.Database("jdbc:postgresql://db:5432/cds", "change-me", "change-me")))
        .containsExactly("spring.datasource.username (SPRING_DATASOURCE_USERNAME) is still the template's change-me marker",
            "spring.datasource.password (SPRING_DATASOURCE_PASSWORD) is still the template's change-me marker");
  }

  /** Applied as shipped, the Kubernetes ConfigMap and Secret template are refused exactly for their change-me markers. */
  @Test
  void theKubernetesTemplatesAreRefusedOnlyForTheirMarkers() throws IOException {
    ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
    Map<String, String> environment = new HashMap<>();
    for (String file : List.of("deploy/kubernetes/configmap.yaml", "deploy/kubernetes-secret.template.yaml")) {
      JsonNode doc = yaml.readTree(new File(file));
      doc.path(doc.has("data") ? "data" : "stringData").fields().forEachRemaining(e -> environment.put(e.getKey(), e.getValue().asText()));
    }
    CdsProperties props = SettingNames.bind(environment);
    ProductionReadiness.Database database = new ProductionReadiness.Database(environment.get("SPRING_DATASOURCE_URL"),
        environment.get("SPRING_DATASOURCE_USERNAME"), environment.get("SPRING_DATASOURCE_PASSWORD"));
    assertThat(ProductionReadiness.problems(props, database)).hasSize(3)
        .allMatch(p -> p.contains("is still the template's change-me marker"));
  }

  private static List<String> problems(Map<String, String> properties) {
    return ProductionReadiness.problems(bind(properties), POSTGRES);
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
