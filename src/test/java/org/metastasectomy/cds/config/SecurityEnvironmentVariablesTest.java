package org.metastasectomy.cds.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * One environment-variable spelling, Spring Boot's canonical form (dots to underscores, dashes removed, upper case,
 * list items _0, _1): the names the documentation gives bind to the settings they claim to, and no file of the
 * repository names a variable any other way.
 */
class SecurityEnvironmentVariablesTest {
  /** Where an operator reads variable names: documentation, deployment files, configuration, messages in the code. */
  private static final List<String> ROOTS = List.of("README.md", "docs", "cds-hooks/README.md", "fhir-profiles/README.md",
      "bench/README.md", "deploy", "docker-compose.yml", ".ci", "pom.xml", "src/main");
  private static final Pattern VARIABLE = Pattern.compile("\\bCDS_[A-Z0-9_]*(<KEY>[A-Z0-9_]*)?");

  @Test
  void theDocumentedIssuerExampleConfiguresTheIssuerAllowlist() {
    CdsProperties props = SettingNames.bind(Map.of(
        "CDS_SECURITY_JWT_ENABLED", "true",
        "CDS_SECURITY_PUBLICBASEURL", "https://cds.example.org",
        "CDS_SECURITY_JWT_ISSUERS_0_ISS", "https://ehr.example.org",
        "CDS_SECURITY_JWT_ISSUERS_0_JWKSURI", "https://ehr.example.org/.well-known/jwks.json",
        "CDS_SECURITY_JWT_ISSUERS_0_TENANTS_0", "hospital-a",
        "CDS_SECURITY_JWT_ISSUERS_1_ISS", "https://other-ehr.example.org",
        "CDS_SECURITY_JWT_ISSUERS_1_JWKSFILE", "/etc/cds/other-ehr-jwks.json",
        "CDS_SECURITY_JWT_ALGORITHMS", "ES384,PS384",
        "CDS_SECURITY_JWT_MAXLIFETIME", "5m"));

    CdsProperties.Security security = props.security();
    assertThat(security.publicBaseUrl()).isEqualTo("https://cds.example.org");
    assertThat(security.jwt().enabled()).isTrue();
    assertThat(security.jwt().issuers()).containsExactly(
        new CdsProperties.Issuer("https://ehr.example.org", "https://ehr.example.org/.well-known/jwks.json", null, List.of("hospital-a")),
        new CdsProperties.Issuer("https://other-ehr.example.org", null, "/etc/cds/other-ehr-jwks.json", List.of()));
    assertThat(security.jwt().algorithms()).as("a list also binds comma-separated").containsExactly("ES384", "PS384");
    assertThat(security.jwt().maxLifetime()).isEqualTo(Duration.ofMinutes(5));
    assertThat(security.jwt().clockSkew()).isEqualTo(Duration.ofSeconds(60));
  }

  @Test
  void theMessagesSpellVariablesAsTheSettingsTableDoes() {
    SettingNames.cdsLeaves().stream().filter(l -> !l.property().contains(".*")).forEach(leaf ->
        assertThat(EnvironmentVariables.of(leaf.property().replace("[n]", "[0]"))).as(leaf.property()).isEqualTo(leaf.env()));
    assertThat(EnvironmentVariables.of("cds.security.jwt.issuers[1].jwks-uri")).isEqualTo("CDS_SECURITY_JWT_ISSUERS_1_JWKSURI");
  }

  @Test
  void everyVariableNamedInTheRepositoryIsASettingInTheOneSpelling() throws IOException {
    List<String> wrong = new ArrayList<>();
    int checked = 0;
    for (Path file : files()) {
      String text = Files.readString(file);
      for (String region : file.toString().endsWith(".java") ? stringLiterals(text) : List.of(text)) {
        Matcher m = VARIABLE.matcher(region);
        while (m.find()) {
          String name = m.group().replace("<KEY>", "HEMOGLOBIN");
          boolean commaSeparatedList = SettingNames.isCdsEnvName(name + "_0");
          if (!SettingNames.isCdsEnvName(name) && !commaSeparatedList) {
            wrong.add(file + ": " + m.group());
          }
          checked++;
        }
      }
    }
    assertThat(wrong).isEmpty();
    assertThat(checked).as("variables named in docs, deployment files and messages").isGreaterThan(40);
    assertThat(SettingNames.isCdsEnvName("CDS_SECURITY_JWT_ISSUERS_0_JWKS_URI")).as("the other spelling is caught").isFalse();
  }

  private static List<Path> files() throws IOException {
    List<Path> out = new ArrayList<>();
    for (String root : ROOTS) {
      try (Stream<Path> walk = Files.walk(Path.of(root))) {
        walk.filter(Files::isRegularFile).filter(f -> f.toString().matches(".*(\\.md|\\.ya?ml|\\.java|\\.sh|\\.xml|Dockerfile|run|\\.properties|\\.factories)"))
            .forEach(out::add);
      }
    }
    return out;
  }

  private static List<String> stringLiterals(String java) {
    List<String> out = new ArrayList<>();
    Matcher m = Pattern.compile("\"(?:[^\"\\\\\\n]|\\\\.)*\"").matcher(java);
    while (m.find()) {
      out.add(m.group());
    }
    return out;
  }
}
