package org.metastasectomy.cds;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every way the project ships to start the service makes a JVM that ran out of memory exit, so that Docker, Kubernetes
 * or whoever runs it restarts it, instead of leaving a process that is up but dead (issue 15).
 */
class LaunchFlagsTest {
  static final String EXIT_ON_OOM = "-XX:+ExitOnOutOfMemoryError";

  @Test
  void theImageExitsOnOutOfMemory() {
    Matcher options = Pattern.compile("<JAVA_TOOL_OPTIONS>([^<]*)</JAVA_TOOL_OPTIONS>").matcher(DeploymentFiles.text("pom.xml"));
    assertThat(options.find()).as("the image's JVM options (Jib, profile image)").isTrue();
    assertThat(options.group(1)).contains(EXIT_ON_OOM);
  }

  @Test
  void composeAndKubernetesKeepTheImagesOptions() {
    JsonNode services = DeploymentFiles.yaml("docker-compose.yml").path("services");
    for (String name : List.of("cds", "load-examples")) {
      JsonNode service = services.path(name);
      assertThat(service.path("entrypoint").isMissingNode()).as(name + " keeps the image's entry point").isTrue();
      assertThat(service.path("environment").path("JAVA_TOOL_OPTIONS").asText(EXIT_ON_OOM)).as(name).contains(EXIT_ON_OOM);
    }
    JsonNode container = DeploymentFiles.yaml("deploy/kubernetes/deployment.yaml").at("/spec/template/spec/containers/0");
    assertThat(container.path("command").isMissingNode()).as("the Kubernetes container keeps the image's entry point").isTrue();
    JsonNode configMap = DeploymentFiles.yaml("deploy/kubernetes/configmap.yaml").path("data");
    assertThat(configMap.path("JAVA_TOOL_OPTIONS").asText(EXIT_ON_OOM)).contains(EXIT_ON_OOM);
  }

  @Test
  void everyDocumentedJavaCommandAndTheMavenRunExitOnOutOfMemory() throws IOException {
    List<Path> docs;
    try (Stream<Path> files = Stream.concat(Stream.of(Path.of("README.md"), Path.of("fhir-profiles/README.md"),
        Path.of("cds-hooks/README.md")), Files.list(Path.of("docs")))) {
      docs = files.filter(p -> p.toString().endsWith(".md") && Files.exists(p)).toList();
    }
    // a JVM that starts the jar and keeps running (not `--help`, which prints and exits)
    Pattern javaCommand = Pattern.compile("(?m)\\bjava((?: -[^ `]+)*) -jar(?! \\S+ --help)\\b");
    int found = 0;
    for (Path doc : docs) {
      Matcher m = javaCommand.matcher(read(doc));
      while (m.find()) {
        found++;
        assertThat(m.group(1)).as(doc + ": " + m.group()).contains(EXIT_ON_OOM);
      }
    }
    assertThat(found).as("the README and docs show how to start the jar").isGreaterThanOrEqualTo(3);
    assertThat(DeploymentFiles.text("pom.xml")).contains("<jvmArguments>" + EXIT_ON_OOM + "</jvmArguments>");
  }

  private static String read(Path p) {
    try {
      return Files.readString(p);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
