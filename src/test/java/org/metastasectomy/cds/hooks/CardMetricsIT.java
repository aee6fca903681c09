package org.metastasectomy.cds.hooks;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

/** cds_cards_total counts cards answered to callers: the three warm-up runs at start are not counted. */
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "spring.datasource.url=jdbc:h2:mem:card-metrics;DB_CLOSE_DELAY=-1")
class CardMetricsIT {
  @LocalServerPort
  int port;

  @Autowired
  MeterRegistry metrics;

  @Test
  void theWarmUpIsNotCountedAndAnAnsweredCardIs(CapturedOutput startup) throws Exception {
    assertThat(startup.getAll()).as("the warm-up ran the tumour board example").contains("warm-up done");
    assertThat(tumourBoardCards()).as("after start-up").isZero();

    HttpResponse<String> hook = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
            URI.create("http://localhost:" + port + "/cds-services/metastasectomy-patient-view"))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofFile(Path.of("cds-hooks/examples/solitary-lung-favourable/request.json"))).build(),
        HttpResponse.BodyHandlers.ofString());

    assertThat(hook.statusCode()).isEqualTo(200);
    assertThat(tumourBoardCards()).isEqualTo(1.0);
  }

  private double tumourBoardCards() {
    Counter counter = metrics.find("cds.cards").tag("type", "TUMOUR_BOARD_REVIEW").counter();
    return counter == null ? 0 : counter.count();
  }
}
