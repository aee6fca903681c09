package org.metastasectomy.cds;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The service image: built with the wrapper in a JDK stage, run on a JRE as a non-root user, health-checked on readiness. */
class DockerfileTest {
  private final String dockerfile = DeploymentFiles.text("Dockerfile");
  private final List<String> from = Pattern.compile("(?m)^FROM (\\S+)").matcher(dockerfile).results().map(m -> m.group(1)).toList();

  @Test
  void buildsWithTheWrapperAndRunsOnAJava17Jre() {
    assertThat(from).hasSize(2);
    assertThat(from.get(0)).startsWith("eclipse-temurin:17-jdk");
    assertThat(from.get(1)).startsWith("eclipse-temurin:17-jre");
    assertThat(dockerfile).contains("./mvnw -B").contains("COPY --from=build");
    for (String folder : List.of("src/", "cds-hooks/", "fhir-profiles/", ".mvn/")) {
      assertThat(dockerfile).as("the build copies " + folder).contains("COPY " + folder);
    }
  }

  @Test
  void runsAsANumericNonRootUser() {
    Matcher user = Pattern.compile("(?m)^USER (\\d+)(:\\d+)?$").matcher(dockerfile);
    assertThat(user.find()).isTrue();
    assertThat(Integer.parseInt(user.group(1))).isPositive();
    assertThat(dockerfile.indexOf("USER ")).as("after the last FROM").isGreaterThan(dockerfile.lastIndexOf("FROM "));
  }

  @Test
  void healthCheckIsTheReadinessProbeOnTheServerPort() {
    assertThat(dockerfile).contains("HEALTHCHECK")
        .contains("http://localhost:${SERVER_PORT:-" + DeploymentFiles.serverPort() + "}" + DeploymentFiles.healthGroupPath("readiness"))
        .contains("EXPOSE " + DeploymentFiles.serverPort());
  }

  @Test
  void theBuildContextLeavesOutLocalState() {
    assertThat(DeploymentFiles.text(".dockerignore").lines()).contains("target", "data", ".git");
  }
}
