package org.metastasectomy.cds;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The packaged jar runs load-examples as a command: the transaction is posted, the exit code is 0, no server starts. */
class LoadExamplesCommandIT {
  private WireMockServer fhir;

  @BeforeEach
  void start() {
    fhir = new WireMockServer(options().dynamicPort());
    fhir.start();
  }

  @AfterEach
  void stop() {
    fhir.stop();
  }

  @Test
  void theJarLoadsTheExamplesAndExits() throws Exception {
    fhir.stubFor(post(urlPathMatching("/fhir/?")).willReturn(okJson(LoadExamplesCommandTest.transactionResponse("200 OK", 2))));
    Path jar = packagedJar();
    Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-jar", jar.toString(), "load-examples", "--fhir-server", "http://localhost:" + fhir.port() + "/fhir")
        .redirectErrorStream(true).start();
    boolean exited = process.waitFor(120, TimeUnit.SECONDS);
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!exited) {
      process.destroyForcibly();
    }

    assertThat(exited).as(output).isTrue();
    assertThat(process.exitValue()).as(output).isZero();
    assertThat(output).contains("(" + LoadExamplesCommandTest.exampleResources().size() + " resources, 0 created, 2 updated)")
        .doesNotContain("Tomcat").doesNotContain("Started CdsApplication").doesNotContain("DEBUG");
    fhir.verify(1, postRequestedFor(urlPathMatching("/fhir/?")));
  }

  private static Path packagedJar() throws Exception {
    try (Stream<Path> files = Files.list(Path.of("target"))) {
      List<Path> jars = files.filter(f -> f.getFileName().toString().matches("metastasectomy-cds-[0-9.]+(-SNAPSHOT)?\\.jar")).toList();
      assertThat(jars).as("run after mvn package").hasSize(1);
      return jars.get(0);
    }
  }
}
