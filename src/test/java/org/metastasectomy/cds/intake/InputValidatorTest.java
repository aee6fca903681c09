package org.metastasectomy.cds.intake;

import org.metastasectomy.cds.reading.ExampleBundles;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class InputValidatorTest {
  private static final FhirContext FHIR = FhirContext.forR4Cached();
  private static final ObjectMapper JSON = new ObjectMapper();
  private final ExecutorService executor = Executors.newSingleThreadExecutor();

  @AfterEach
  void stop() {
    executor.shutdownNow();
  }

  @Test
  void theExampleRequestHasNoErrors() throws Exception {
    String summary = ready().check(data(prefetchOf("solitary-lung-favourable"), Map.of())).get(2, TimeUnit.MINUTES);
    assertThat(summary).startsWith("input validation: 0 errors, ").contains(" in 114 resources");
  }

  @Test
  void anOutOfRangeScoreIsCountedAndLocatedWithoutPatientValues() throws Exception {
    Map<String, JsonNode> prefetch = prefetchOf("solitary-lung-favourable");
    for (JsonNode e : prefetch.get("observations").path("entry")) {
      if (e.at("/resource/code/coding/0/code").asText().equals("89243-0")) {
        ((ObjectNode) e.get("resource")).put("valueInteger", 1234);
      }
    }
    String summary = ready().check(data(prefetch, Map.of())).get(2, TimeUnit.MINUTES);
    assertThat(summary).startsWith("input validation: 4 errors, ").contains(" in 114 resources; errors: observations Bundle.entry[")
        .contains("].resource(Observation).value")
        .doesNotContain("1234").doesNotContain("mrcc-solitary-lung").doesNotContain("sl-kps");
  }

  @Test
  void resourcesFetchedFromTheEhrAreCheckedToo() throws Exception {
    Observation kps = new Observation();
    kps.setId("kps-1");
    kps.setStatus(Observation.ObservationStatus.FINAL);
    kps.getCode().addCoding().setSystem("http://loinc.org").setCode("89243-0");
    kps.setSubject(new Reference("Patient/p1"));
    kps.setValue(new IntegerType(150));
    String summary = ready().check(data(Map.of(), Map.of("observations", List.of(kps)))).get(2, TimeUnit.MINUTES);
    assertThat(summary).startsWith("input validation: ").contains("in 1 resource;").contains("errors: observations Bundle.entry[0]");
  }

  @Test
  void aPrefetchAboveTheLimitIsNotChecked() throws Exception {
    ObjectNode bundle = JSON.createObjectNode().put("resourceType", "Bundle").put("type", "searchset");
    ArrayNode entries = bundle.putArray("entry");
    for (int i = 0; i <= InputValidator.MAX_RESOURCES; i++) {
      entries.addObject().putObject("resource").put("resourceType", "Observation").put("status", "final");
    }
    String summary = ready().check(data(Map.of("observations", bundle), Map.of())).get(2, TimeUnit.MINUTES);
    assertThat(summary).isEqualTo("input validation skipped: 501 resources (limit 500)");
  }

  @Test
  void requestsBeforeTheValidatorHasLoadedAreNotHeldUp() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    InputValidator loading = new InputValidator(() -> {
      await(release);
      return ExampleBundles.contract();
    }, executor, FHIR, JSON);
    var check = loading.check(data(prefetchOf("no-rcc"), Map.of()));
    assertThat(check).isCompletedWithValue("input validation skipped: validator still loading");
    release.countDown();
  }

  private InputValidator ready() throws Exception {
    InputValidator validator = new InputValidator(ExampleBundles::contract, executor, FHIR, JSON);
    // wait until loaded: a check submitted now queues behind the warm-up
    for (int i = 0; i < 600 && validator.check(data(Map.of(), Map.of())).get().contains("loading"); i++) {
      Thread.sleep(200);
    }
    return validator;
  }

  private static Map<String, JsonNode> prefetchOf(String scenario) throws Exception {
    JsonNode request = JSON.readTree(ExampleBundles.REQUESTS.resolve(scenario).resolve("request.json").toFile());
    Map<String, JsonNode> out = new LinkedHashMap<>();
    request.get("prefetch").fields().forEachRemaining(f -> out.put(f.getKey(), f.getValue()));
    return out;
  }

  private static PrefetchData data(Map<String, JsonNode> prefetch, Map<String, List<IBaseResource>> fetched) {
    return new PrefetchData("p1", prefetch, fetched, Set.of());
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
