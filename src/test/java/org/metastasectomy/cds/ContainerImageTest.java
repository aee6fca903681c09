package org.metastasectomy.cds;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The container image as configured (Jib in pom.xml, base in deploy/image/base.sh), checked against the application
 * and the deployment files without a Docker engine. CI builds it and starts it from its own entrypoint
 * (deploy/image/check.sh), which checks the same things on the running image.
 */
class ContainerImageTest {
  private final JsonNode compose = DeploymentFiles.yaml("docker-compose.yml");
  private final JsonNode pod = DeploymentFiles.yaml("deploy/kubernetes/deployment.yaml").at("/spec/template/spec");

  @Test
  void runsAsTheNumericNonRootUserTheBaseCreatesAndKubernetesExpects() {
    Matcher user = Pattern.compile("(\\d+):(\\d+)").matcher(DeploymentFiles.image("container/user"));
    assertThat(user.matches()).as("numeric uid:gid, so Kubernetes can verify runAsNonRoot").isTrue();
    assertThat(Integer.parseInt(user.group(1))).isPositive();
    assertThat(pod.at("/securityContext/runAsUser").asText()).isEqualTo(user.group(1));
    assertThat(pod.at("/securityContext/runAsGroup").asText()).isEqualTo(user.group(2));
    String base = DeploymentFiles.text("deploy/image/base.sh");
    assertThat(base).contains("uid=" + user.group(1)).contains("install -d -o \"$uid\" -g \"$uid\" -m 0750 \"$root/app/data\"");
    assertThat(DeploymentFiles.image("container/workingDirectory")).as("the default H2 database is ./data").isEqualTo("/app");
  }

  @Test
  void theDockerHealthCheckOfTheBaseIsReadinessOnTheServerPort() {
    // Jib cannot set a HEALTHCHECK but keeps the base's: base.sh writes it into the base's config
    assertThat(DeploymentFiles.text("deploy/image/base.sh")).contains("\"Healthcheck\":{\"Test\":[\"CMD-SHELL\",\"curl -fsS "
        + "http://localhost:\\${SERVER_PORT:-" + DeploymentFiles.serverPort() + "}" + DeploymentFiles.healthGroupPath("readiness"));
  }

  @Test
  void theJvmHeapFollowsTheMemoryLimitAndAnOutOfMemoryErrorEndsIt() {
    assertThat(DeploymentFiles.image("container/environment/JAVA_TOOL_OPTIONS").split(" "))
        .contains("-XX:MaxRAMPercentage=50", "-XX:+UseSerialGC", "-XX:+ExitOnOutOfMemoryError");
  }

  @Test
  void startsTheApplicationAndExposesTheServerPort() {
    assertThat(DeploymentFiles.image("container/mainClass")).isEqualTo(CdsApplication.class.getName());
    assertThat(DeploymentFiles.image("container/ports/port")).isEqualTo(String.valueOf(DeploymentFiles.serverPort()));
    assertThat(DeploymentFiles.image("from/image")).as("a local base: no registry needed").startsWith("tar://");
  }

  @Test
  void composeAndKubernetesRunTheImageCiBuilds() {
    String image = DeploymentFiles.image("to/image");
    assertThat(image).isEqualTo("metastasectomy-cds:" + DeploymentFiles.projectVersion());
    for (String service : new String[] {"cds", "load-examples"}) {
      JsonNode s = compose.at("/services/" + service);
      assertThat(s.path("image").asText()).as(service).isEqualTo(image);
      assertThat(s.has("build")).as(service + " is not built from another definition").isFalse();
      assertThat(s.path("pull_policy").asText()).as(service + " is loaded, never pulled").isEqualTo("never");
    }
    assertThat(pod.at("/containers/0/image").asText()).as("the image pushed to the hospital's registry").endsWith("/" + image);
  }

  @Test
  void ciBuildsTheImageAndStartsItFromItsEntrypoint() {
    String ci = DeploymentFiles.text(".ci/run");
    assertThat(ci).contains("deploy/image/base.sh target/image/base.tar", "deploy/image/build.sh",
        "deploy/image/check.sh target/metastasectomy-cds-*-image.tar");
    assertThat(ci.lastIndexOf("deploy/image/check.sh")).isGreaterThan(ci.lastIndexOf("deploy/image/build.sh"));
    assertThat(DeploymentFiles.image("outputPaths/tar")).endsWith("/metastasectomy-cds-${project.version}-image.tar"
        .replace("${project.version}", DeploymentFiles.projectVersion()));
    String check = DeploymentFiles.text("deploy/image/check.sh");
    assertThat(check).contains(".config.Entrypoint", ".config.User", "JAVA_TOOL_OPTIONS", "/actuator/health/readiness",
        "/actuator/health/liveness", "SIGTERM");
  }
}
