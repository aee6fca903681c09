package org.metastasectomy.bench.jmh;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * What reading the prefetch of request (a) costs: the whole body into a Jackson tree (what the baseline server does),
 * each prefetch value into HAPI FHIR R4 resources, and the two together as a service that binds the request with
 * Jackson and hands each prefetch entry to HAPI would do it.
 *
 * <p>The body is bench/target/requests/a.json (run.sh passes its path as -Dbench.request.a).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class FhirParsingBenchmark {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private byte[] body;
  private List<String> prefetchJson;
  private String bundleJson;
  private FhirContext fhir;

  @Setup
  public void setUp() throws IOException {
    body = Files.readAllBytes(Path.of(System.getProperty("bench.request.a", "target/requests/a.json")));
    fhir = FhirContext.forR4Cached();
    prefetchJson = new ArrayList<>();
    int largest = -1;
    for (Map.Entry<String, JsonNode> e : MAPPER.readTree(body).path("prefetch").properties()) {
      if (e.getValue().isObject()) {
        String json = MAPPER.writeValueAsString(e.getValue());
        prefetchJson.add(json);
        if (json.length() > largest) {
          largest = json.length();
          bundleJson = json;
        }
      }
    }
    if (prefetchJson.isEmpty()) {
      throw new IllegalStateException("request (a) has no prefetch");
    }
  }

  /** The baseline's work: the whole request into a Jackson tree. */
  @Benchmark
  public JsonNode jacksonReadTree() throws IOException {
    return MAPPER.readTree(body);
  }

  /** HAPI's JSON parser on the largest prefetch value (the Observation searchset Bundle of request a). */
  @Benchmark
  public IBaseResource hapiParseLargestBundle() {
    return fhir.newJsonParser().parseResource(bundleJson);
  }

  /** HAPI's JSON parser on every prefetch value of request a. */
  @Benchmark
  public void hapiParseAllPrefetch(Blackhole bh) {
    IParser parser = fhir.newJsonParser();
    for (String json : prefetchJson) {
      bh.consume(parser.parseResource(json));
    }
  }

  /** Jackson tree of the request, then each prefetch node to text and through HAPI: the whole parse of a request. */
  @Benchmark
  public void requestToHapiResources(Blackhole bh) throws IOException {
    JsonNode tree = MAPPER.readTree(body);
    IParser parser = fhir.newJsonParser();
    for (Map.Entry<String, JsonNode> e : tree.path("prefetch").properties()) {
      if (e.getValue().isObject()) {
        bh.consume(parser.parseResource(MAPPER.writeValueAsString(e.getValue())));
      }
    }
  }
}
