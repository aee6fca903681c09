package org.metastasectomy.cds;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The packaged jar as an operator runs it: --help prints usage and exits; a refused prod start exits non-zero, briefly. */
class JarLaunchIT {

  @Test
  void helpPrintsTheUsageAndExitsWithoutStartingTheServer(@TempDir Path workDir) throws Exception {
    Run run = java(workDir, Map.of(), "--help");

    assertThat(run.exitCode()).as(run.output()).isZero();
    assertThat(run.output()).contains("metastasectomy-cds " + DeploymentFiles.projectVersion() + ":", "Usage:",
            "load-examples --fhir-server", "--server.port=", "README.md")
        .doesNotContain("Tomcat").doesNotContain("Started CdsApplication");
    assertThat(workDir).as("no database was created").isEmptyDirectory();
  }

  @Test
  void aRefusedProdStartListsWhatToChangeAndExitsNonZeroWithoutAStackTrace(@TempDir Path workDir) throws Exception {
    Run run = java(workDir, Map.of("SPRING_PROFILES_ACTIVE", "prod",
        "CDS_AUDIT_PATIENTHASHKEY", "change-me-to-a-long-random-string"));

    assertThat(run.exitCode()).as(run.output()).isNotZero();
    assertThat(run.output()).contains("APPLICATION FAILED TO START", "Refusing to start under the prod profile:",
            "(CDS_SECURITY_JWT_ISSUERS_0_ISS)", "(CDS_SECURITY_PUBLICBASEURL)", "(CDS_AUDIT_PATIENTHASHKEY)",
            "(SPRING_DATASOURCE_URL)")
        .doesNotContain("\tat ").doesNotContain("Exception in thread").doesNotContain("Tomcat started");
    assertThat(run.output().lines().count()).as(run.output()).isLessThan(30);
    assertThat(workDir).as("refused before the H2 database was created").isEmptyDirectory();
  }

  private record Run(int exitCode, String output) {}

  private static Run java(Path workDir, Map<String, String> env, String... args) throws IOException, InterruptedException {
    List<String> command = new java.util.ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", packagedJar().toString()));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true);
    builder.environment().keySet().removeIf(k -> k.startsWith("CDS_") || k.startsWith("SPRING_") || k.startsWith("SERVER_"));
    builder.environment().putAll(env);
    Process process = builder.start();
    byte[] output = process.getInputStream().readAllBytes();
    boolean exited = process.waitFor(120, TimeUnit.SECONDS);
    if (!exited) {
      process.destroyForcibly();
    }
    assertThat(exited).as("the process exits by itself").isTrue();
    return new Run(process.exitValue(), new String(output, StandardCharsets.UTF_8));
  }

  static Path packagedJar() throws IOException {
    try (Stream<Path> files = Files.list(Path.of("target"))) {
      List<Path> jars = files.filter(f -> f.getFileName().toString().matches("metastasectomy-cds-[0-9.]+(-SNAPSHOT)?\\.jar")).toList();
      assertThat(jars).as("run after mvn package").hasSize(1);
      return jars.get(0).toAbsolutePath();
    }
  }
}
