package org.metastasectomy.cds.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;

/** The json-logs profile turns every console line into one ECS JSON object; without it lines stay plain text. */
@ExtendWith(OutputCaptureExtension.class)
class JsonLogsProfileTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Configuration(proxyBeanMethods = false)
  static class Nothing {}

  @Test
  void theJsonLogsProfileWritesOneJsonObjectPerLine(CapturedOutput output) throws Exception {
    try (ConfigurableApplicationContext ignored = start("json-logs")) {
      LoggerFactory.getLogger(JsonLogsProfileTest.class).info("json-logs probe line");
    }
    List<String> lines = output.getOut().lines().filter(l -> l.contains("json-logs probe line")).toList();
    assertThat(lines).hasSize(1);
    JsonNode line = JSON.readTree(lines.get(0));
    assertThat(line.path("message").asText()).isEqualTo("json-logs probe line");
    assertThat(line.path("log").path("level").asText(line.path("log.level").asText())).isEqualTo("INFO");
    assertThat(line.path("service").path("name").asText(line.path("service.name").asText())).isEqualTo("metastasectomy-cds");
    assertThat(line.has("@timestamp")).isTrue();
  }

  @Test
  void withoutTheProfileLinesArePlainText(CapturedOutput output) {
    try (ConfigurableApplicationContext ignored = start()) {
      LoggerFactory.getLogger(JsonLogsProfileTest.class).info("plain probe line");
    }
    List<String> lines = output.getOut().lines().filter(l -> l.contains("plain probe line")).toList();
    assertThat(lines).hasSize(1).noneMatch(l -> l.startsWith("{"));
  }

  private static ConfigurableApplicationContext start(String... profiles) {
    return new SpringApplicationBuilder(Nothing.class).web(WebApplicationType.NONE).profiles(profiles).run();
  }
}
