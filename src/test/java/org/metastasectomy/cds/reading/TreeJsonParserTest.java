package org.metastasectomy.cds.reading;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.parser.LenientErrorHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Observation;
import org.junit.jupiter.api.Test;

/**
 * Parsing the request's Jackson tree gives exactly the resources that writing it to text and parsing that gave before
 * (issue 17): the same JSON when HAPI writes them back, the same ids (Bundle entries take theirs from fullUrl), the
 * same decimals. On every prefetch value and every Observation of every example and vignette, and on edge cases.
 */
class TreeJsonParserTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final FhirContext FHIR = FhirContext.forR4Cached();

  @Test
  void everyExampleAndVignetteParsesAsThroughText() throws IOException {
    List<ObjectNode> resources = new ArrayList<>();
    for (Path file : jsonFiles(Path.of("cds-hooks/examples"))) {
      collect(JSON.readTree(file.toFile()), resources);
    }
    for (Path file : jsonFiles(Path.of("src/test/resources/vignettes"))) {
      collect(JSON.readTree(file.toFile()), resources);
    }
    assertThat(resources).hasSizeGreaterThan(500);
    for (ObjectNode resource : resources) {
      assertSameAsThroughText(resource);
    }
  }

  @Test
  void decimalsReadAsFromTheirText() throws IOException {
    for (String value : List.of("13.0", "1.50", "0.0001", "0.00001", "1e20", "-2.5E-7", "123456789012345678901234567890", "7",
        "0.1", "4.35")) {
      ObjectNode observation = (ObjectNode) JSON.readTree("""
          {"resourceType":"Observation","id":"o","status":"final","code":{"coding":[{"system":"http://loinc.org","code":"718-7"}]},
           "subject":{"reference":"Patient/p"},"valueQuantity":{"value":%s,"unit":"g/dL"}}""".formatted(value));
      assertSameAsThroughText(observation);
      Observation parsed = (Observation) new TreeJsonParser(FHIR).parse(observation);
      assertThat(parsed.getValueQuantity().getValueElement().getValueAsString()).as(value)
          .isEqualTo(((Observation) textParser().parseResource(JSON.writeValueAsString(observation)))
              .getValueQuantity().getValueElement().getValueAsString());
    }
  }

  @Test
  void bundleEntriesTakeTheirIdsFromFullUrlAsBefore() throws IOException {
    ObjectNode bundle = (ObjectNode) JSON.readTree("""
        {"resourceType":"Bundle","type":"searchset","entry":[
          {"fullUrl":"https://ehr.example.org/fhir/Condition/c1","resource":{"resourceType":"Condition","id":"c1","meta":{"versionId":"3"}}},
          {"fullUrl":"urn:uuid:355cb2a1-bc1a-5618-81a9-9a93c71cc777","resource":{"resourceType":"Condition"}},
          {"fullUrl":"urn:uuid:0000","resource":{"resourceType":"Condition","id":"other"}},
          {"resource":{"resourceType":"Condition","id":"c4"}}]}""");
    assertSameAsThroughText(bundle);
    Bundle parsed = (Bundle) new TreeJsonParser(FHIR).parse(bundle);
    assertThat(parsed.getEntry().get(0).getResource().getIdElement().getValue()).isEqualTo("https://ehr.example.org/fhir/Condition/c1/_history/3");
  }

  @Test
  void theRequestTreeIsNotChanged() throws IOException {
    ObjectNode observation = (ObjectNode) JSON.readTree("""
        {"resourceType":"Observation","status":"final","valueQuantity":{"value":13.0}}""");
    String before = observation.toString();
    new TreeJsonParser(FHIR).parse(observation);
    assertThat(observation.toString()).isEqualTo(before);
  }

  private static void assertSameAsThroughText(ObjectNode resource) throws IOException {
    IBaseResource throughText = textParser().parseResource(JSON.writeValueAsString(resource));
    IBaseResource fromTree = new TreeJsonParser(FHIR).parse(resource);
    IParser writer = FHIR.newJsonParser();
    assertThat(writer.encodeResourceToString(fromTree)).as(resource.path("resourceType").asText() + " " + resource.path("id").asText())
        .isEqualTo(writer.encodeResourceToString(throughText));
    assertThat(ids(fromTree)).isEqualTo(ids(throughText));
  }

  private static IParser textParser() {
    return FHIR.newJsonParser().setParserErrorHandler(new LenientErrorHandler(false));
  }

  private static List<String> ids(IBaseResource resource) {
    List<String> ids = new ArrayList<>();
    ids.add(resource.getIdElement().getValue());
    if (resource instanceof Bundle bundle) {
      bundle.getEntry().forEach(e -> ids.add(e.hasResource() ? e.getResource().getIdElement().getValue() : null));
    }
    return ids;
  }

  /** Prefetch values, FHIR server files, vignette bundles, and each Observation on its own (as the lazy reader parses them). */
  private static void collect(JsonNode file, List<ObjectNode> out) {
    List<JsonNode> values = new ArrayList<>();
    file.path("prefetch").forEach(values::add);
    values.add(file.path("bundle"));
    values.add(file.path("context").path("draftOrders"));
    if (file.has("resourceType")) {
      values.add(file);
    }
    for (JsonNode value : values) {
      if (value instanceof ObjectNode resource && resource.has("resourceType")) {
        out.add(resource);
        for (JsonNode entry : resource.path("entry")) {
          if (entry.path("resource") instanceof ObjectNode r) {
            out.add(r);
          }
        }
      }
    }
  }

  private static List<Path> jsonFiles(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(p -> p.toString().endsWith(".json")).sorted().toList();
    }
  }
}
