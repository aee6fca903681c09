package org.metastasectomy.cds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.metastasectomy.cds.config.CdsProperties;
import org.metastasectomy.cds.intake.FetchSettings;
import org.metastasectomy.cds.support.Examples;
import org.metastasectomy.cds.support.FixedClockConfiguration;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Issue 14: "the cold first call on a real server must give the prefetch card", with the service's shipped settings
 * (only the allow-list is set). The real HAPI FHIR JPA server (RealFhirServer) is restarted; the first call after the
 * restart is patient-view for the example patient with 108 Observations (three pages at the server's 50), and it must
 * equal the prefetch card, nothing "could not be fetched".
 *
 * <p><b>Not flaky on a loaded machine, without wider limits.</b> Each state the call depends on is made explicit and
 * waited for, however long that takes: the restarted server has answered its readiness probe and its process is idle
 * (RealFhirServer#restart), and the machine leaves a core idle for it ({@link IdleCpu}). When the shared machine never
 * leaves a core idle within {@link #QUIET_WAIT}, the latency claim cannot be judged: the test then still asserts that
 * the answer is safe (the prefetch card, or a card or 412 that says what could not be fetched, never a silently
 * different card) and is reported as aborted for the rest, with the load it met.
 *
 * <p><b>Order hooks</b> (order-select, order-sign) keep the 1.5 s order-time deadline and are not held to this: a
 * server just restarted needs about that long for its first searches on a 2-core machine, so the first order hook
 * after an EHR server restart may get the explicit late answer (412 naming the required key, or a card saying what
 * could not be fetched). Raising the order deadline for a once-per-restart event would make every order call wait
 * longer on any slow server. bench/real-fhir.sh measures their cold calls; RealFhirServerIT checks their data.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "spring.datasource.url=jdbc:h2:mem:real-fhir-cold;DB_CLOSE_DELAY=-1")
@Import(FixedClockConfiguration.class)
class RealFhirServerColdStartIT {
  static final RealFhirServer FHIR = RealFhirServer.shared();
  static final String HEAVIEST = "solitary-lung-favourable";
  static final Duration QUIET_WAIT = Duration.ofMinutes(5);

  @LocalServerPort
  int port;

  @Autowired
  CdsProperties props;

  @DynamicPropertySource
  static void realServer(DynamicPropertyRegistry registry) {
    registry.add("cds.fhir.allowed-servers[0]", () -> FHIR.base() + " " + FHIR.alias());
  }

  @Test
  void theFirstPatientViewAfterTheServerRestartsGivesThePrefetchCardWithTheShippedSettings() throws Exception {
    FetchSettings shipped = FetchSettings.defaults(); // = CdsProperties' defaults (FetchSettingsDefaultsTest)
    CdsProperties.Fhir used = props.fhir();
    assertThat(List.of(used.connectTimeout(), used.readTimeout(), used.deadline(), used.patientViewDeadline()))
        .containsExactly(shipped.connectTimeout(), shipped.readTimeout(), shipped.deadline(), shipped.patientViewDeadline());
    assertThat(List.of(used.pageSize(), used.maxPages())).containsExactly(shipped.pageSize(), shipped.maxPages());
    RealFhirCalls calls = new RealFhirCalls(port);
    ObjectNode request = Examples.request(HEAVIEST);
    assertThat(request.path("hook").asText()).isEqualTo("patient-view");
    RealFhirCalls.Reply prefetched = calls.post(request);

    FHIR.restart();
    boolean quiet = IdleCpu.waitFor(1.0, QUIET_WAIT);
    String load = RealFhirServer.loadAverage();
    RealFhirCalls.Reply cold = calls.post(RealFhirCalls.fallback(request, FHIR.base()));

    System.out.printf("RealFhirServerColdStartIT: first call after the restart (%s, shipped settings): HTTP %d in %d ms; "
        + "a core idle before it: %s; load average %s%n", HEAVIEST, cold.status(), cold.millis(), quiet, load);
    assertThat(prefetched.status()).isEqualTo(200);
    if (!quiet) {
      assertThat(cold.status() == 412 || cold.cards().equals(prefetched.cards()) || cold.body().contains("Could not be fetched"))
          .as("a late answer says so: " + cold.body()).isTrue();
      assumeTrue(false, "the machine left no core idle for " + QUIET_WAIT + " (load average " + load
          + "): the cold call's latency cannot be judged; its answer was safe");
    }
    assertThat(cold.status()).as(cold.body()).isEqualTo(200);
    assertThat(cold.body()).doesNotContain("Could not be fetched");
    assertThat(cold.cards()).isEqualTo(prefetched.cards());
  }
}
