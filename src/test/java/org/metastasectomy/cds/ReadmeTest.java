package org.metastasectomy.cds;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The README's quick start stays two commands, and says how to run on another port. */
class ReadmeTest {
  private final String readme = DeploymentFiles.text("README.md");

  @Test
  void theQuickStartIsTwoCommands() {
    String quickStart = readme.substring(readme.indexOf("## Quick start"));
    String block = quickStart.substring(quickStart.indexOf("```sh\n") + 6, quickStart.indexOf("```", quickStart.indexOf("```sh\n") + 6));
    List<String> commands = block.lines().filter(l -> !l.isBlank() && !l.startsWith(" ")).toList();
    assertThat(commands).hasSize(2).allMatch(c -> c.startsWith("./mvnw "));
  }

  @Test
  void itShowsHowToRunOnAnotherPort() {
    assertThat(readme).contains("./mvnw spring-boot:run -Dspring-boot.run.arguments=--server.port=");
    assertThat(readme.indexOf("-Dspring-boot.run.arguments=--server.port=")).as("in the quick start")
        .isLessThan(readme.indexOf("## Services"));
  }
}
