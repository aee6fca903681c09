package org.metastasectomy.cds;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.metastasectomy.cds.config.CdsProperties;
import org.metastasectomy.cds.config.SettingNames;
import org.metastasectomy.cds.intake.FhirServerPolicy;

/**
 * docker-compose.yml, checked without a Docker engine: the services and how they are wired, ports, health checks,
 * start order, and that every CDS_* and SPRING_* variable is one the application really reads, with the effect wanted.
 */
class ComposeFileTest {
  /** Service attributes of the Compose Specification this file may use (a typo would be silently ignored). */
  private static final Set<String> SERVICE_ATTRIBUTES = Set.of("image", "build", "command", "entrypoint", "environment",
      "ports", "volumes", "depends_on", "healthcheck", "restart", "user", "read_only", "env_file", "pull_policy");

  private final JsonNode compose = DeploymentFiles.yaml("docker-compose.yml");
  private final JsonNode services = compose.path("services");

  @Test
  void theSandboxHasItsFiveServices() {
    assertThat(fieldNames(services)).containsExactlyInAnyOrder("postgres", "hapi", "load-examples", "cds", "sandbox");
    services.fields().forEachRemaining(s -> assertThat(fieldNames(s.getValue())).as(s.getKey()).isSubsetOf(SERVICE_ATTRIBUTES));
  }

  @Test
  void imagesArePinnedAndHapiMatchesTheLibraryVersion() {
    services.fields().forEachRemaining(s -> {
      String image = s.getValue().path("image").asText();
      assertThat(image).as(s.getKey()).isNotEmpty().contains(":").doesNotEndWith(":latest");
    });
    assertThat(services.at("/hapi/image").asText())
        .matches("hapiproject/hapi:v" + Pattern.quote(DeploymentFiles.hapiVersion()) + "-\\d+(-tomcat)?");
    assertThat(services.at("/postgres/image").asText()).matches("postgres:\\d+(\\.\\d+)?");
  }

  @Test
  void publishedPortsReachTheRightContainerPorts() {
    assertThat(ports("cds")).containsEntry(8080, DeploymentFiles.serverPort());
    assertThat(ports("hapi")).containsEntry(8081, 8080);
    assertThat(ports("sandbox")).containsEntry(8082, 8080);
    List<Integer> hostPorts = new ArrayList<>();
    services.fieldNames().forEachRemaining(s -> hostPorts.addAll(ports(s).keySet()));
    assertThat(hostPorts).doesNotHaveDuplicates();
  }

  @Test
  void everyLongRunningServiceHasAHealthCheckAndTheServiceChecksReadiness() {
    for (String s : List.of("postgres", "hapi", "cds", "sandbox")) {
      assertThat(healthCheck(s)).as(s).isNotEmpty();
    }
    assertThat(healthCheck("postgres")).contains("pg_isready");
    assertThat(healthCheck("hapi")).contains("http://localhost:8080/fhir/metadata");
    assertThat(healthCheck("cds"))
        .contains("http://localhost:" + DeploymentFiles.serverPort() + DeploymentFiles.healthGroupPath("readiness"));
  }

  @Test
  void servicesStartInTheOrderTheyNeedEachOther() {
    assertThat(dependsOn("cds")).containsExactlyEntriesOf(Map.of("postgres", "service_healthy"));
    assertThat(dependsOn("load-examples")).containsExactlyEntriesOf(Map.of("hapi", "service_healthy"));
    assertThat(dependsOn("sandbox")).containsOnly(
        Map.entry("cds", "service_healthy"), Map.entry("load-examples", "service_completed_successfully"));
    services.fieldNames().forEachRemaining(s -> dependsOn(s).forEach((target, condition) -> {
      if (condition.equals("service_healthy")) {
        assertThat(healthCheck(target)).as(s + " waits for " + target + " to be healthy").isNotEmpty();
      }
    }));
    assertThat(services.at("/load-examples/restart").asText()).isEqualTo("no");
  }

  @Test
  void theLoaderLoadsTheExamplesIntoTheServerTheServiceMayCall() {
    JsonNode command = services.at("/load-examples/command");
    assertThat(command.get(0).asText()).isEqualTo(LoadExamplesCommand.NAME);
    assertThat(command.get(1).asText()).isEqualTo("--fhir-server");
    URI hapi = URI.create(command.get(2).asText());
    assertThat(hapi.getHost()).isEqualTo("hapi");
    assertThat(hapi.getPort()).isEqualTo(ports("hapi").get(8081));
    assertThat(services.at("/load-examples/image").asText()).isEqualTo(services.at("/cds/image").asText());

    CdsProperties cds = SettingNames.bind(environment("cds"));
    assertThat(cds.fhir().allowedServers()).containsExactly(hapi.toString());
    boolean prod = environment("cds").getOrDefault("SPRING_PROFILES_ACTIVE", "").contains("prod");
    assertThat(new FhirServerPolicy(cds.fhir().allowedServers(), prod, cds.fhir().allowInsecureHttp()).allows(hapi.toString()))
        .as("the FHIR fallback can reach hapi").isTrue();
    assertThat(cds.fhir().validateInput()).isEqualTo(CdsProperties.InputValidation.WARN);
  }

  @Test
  void everyEnvironmentVariableOfTheServiceIsASettingItReads() {
    Set<String> spring = SettingNames.springProperties();
    for (String s : List.of("cds", "load-examples")) {
      environment(s).keySet().forEach(name -> {
        if (name.startsWith("CDS_")) {
          assertThat(SettingNames.isCdsEnvName(name)).as(name + " is a cds.* setting").isTrue();
        } else {
          assertThat(SettingNames.isSpringEnvName(name, spring)).as(name + " is a Spring Boot setting").isTrue();
        }
      });
    }
    assertThat(SettingNames.isCdsEnvName("CDS_FHIR_ALOWEDSERVERS_0")).as("the check catches a typo").isFalse();
    assertThat(SettingNames.isSpringEnvName("SPRING_DATASOURCE_URLL", spring)).isFalse();
  }

  @Test
  void theDatabaseSettingsMatchThePostgresContainer() {
    Map<String, String> cds = environment("cds");
    Map<String, String> db = environment("postgres");
    assertThat(cds.get("SPRING_DATASOURCE_URL")).isEqualTo("jdbc:postgresql://postgres:5432/" + db.get("POSTGRES_DB"));
    assertThat(cds.get("SPRING_DATASOURCE_USERNAME")).isEqualTo(db.get("POSTGRES_USER"));
    assertThat(cds.get("SPRING_DATASOURCE_PASSWORD")).isEqualTo(db.get("POSTGRES_PASSWORD"));
  }

  @Test
  void theSandboxOpensOnHapiAndThisServiceFromTheBrowser() throws Exception {
    String browserFhir = "http://localhost:" + hostPortOf("hapi", 8080) + "/fhir";
    String discovery = "http://localhost:" + hostPortOf("cds", DeploymentFiles.serverPort()) + "/cds-services";
    assertThat(services.at("/sandbox/build/context").asText()).isEqualTo("deploy/sandbox");
    assertThat(services.at("/sandbox/build/args/FHIR_URL").asText()).isEqualTo(browserFhir);

    Matcher url = Pattern.compile("http://localhost:(\\d+)/\\?(\\S+)").matcher(DeploymentFiles.text("docker-compose.yml"));
    assertThat(url.find()).as("the header names the sandbox URL").isTrue();
    assertThat(Integer.parseInt(url.group(1))).isEqualTo(hostPortOf("sandbox", 8080));
    Map<String, String> query = query(url.group(2));
    assertThat(query).containsEntry("fhirServiceUrl", browserFhir).containsEntry("serviceDiscoveryURL", discovery)
        .containsKey("patientId");
    assertThat(LoadExamplesCommandTest.exampleResources()).contains("Patient/" + query.get("patientId"));

    String origin = "http://localhost:" + hostPortOf("sandbox", 8080);
    assertThat(SettingNames.bind(environment("cds")).cors().allowedOrigins()).contains(origin);
  }

  @Test
  void theSandboxImageIsBuiltFromAPinnedCommit() {
    String dockerfile = DeploymentFiles.text("deploy/sandbox/Dockerfile");
    assertThat(dockerfile).containsPattern("ARG SANDBOX_COMMIT=[0-9a-f]{40}\\n")
        .contains("https://github.com/cds-hooks/sandbox.git").contains("npm ci").contains("npm run build")
        .contains("ARG FHIR_URL=" + services.at("/sandbox/build/args/FHIR_URL").asText());
  }

  private Map<Integer, Integer> ports(String service) {
    Map<Integer, Integer> out = new LinkedHashMap<>();
    services.path(service).path("ports").forEach(p -> {
      String[] parts = p.asText().split(":");
      out.put(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]));
    });
    return out;
  }

  private int hostPortOf(String service, int containerPort) {
    return ports(service).entrySet().stream().filter(e -> e.getValue() == containerPort).findFirst().orElseThrow().getKey();
  }

  private String healthCheck(String service) {
    JsonNode test = services.path(service).path("healthcheck").path("test");
    List<String> parts = new ArrayList<>();
    test.forEach(t -> parts.add(t.asText()));
    return String.join(" ", parts);
  }

  private Map<String, String> dependsOn(String service) {
    Map<String, String> out = new HashMap<>();
    services.path(service).path("depends_on").fields().forEachRemaining(d -> out.put(d.getKey(), d.getValue().path("condition").asText()));
    return out;
  }

  private Map<String, String> environment(String service) {
    Map<String, String> out = new LinkedHashMap<>();
    services.path(service).path("environment").fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asText()));
    return out;
  }

  private static Set<String> fieldNames(JsonNode node) {
    Set<String> out = new HashSet<>();
    node.fieldNames().forEachRemaining(out::add);
    return out;
  }

  private static Map<String, String> query(String query) {
    Map<String, String> out = new HashMap<>();
    for (String pair : query.split("&")) {
      String[] kv = pair.split("=", 2);
      out.put(kv[0], URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
    }
    return out;
  }
}
