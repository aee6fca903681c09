package org.metastasectomy.bench.springbaseline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * What the stack itself costs: Spring Boot on Tomcat with Spring MVC (the service's versions), whose hook endpoint reads
 * the whole body into a Jackson tree and answers one fixed card. The service's throughput divided by this one's, on
 * the same body in the same run, is the ratio the benchmark's targets use; what the service does beyond this is its own
 * per-request work.
 */
@SpringBootApplication
@RestController
public class SpringBaselineApplication {
  /** A card of the service's shape (summary, indicator, source, a link), serialised by MVC on every answer. */
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final JsonNode CARDS = MAPPER.valueToTree(Map.of("cards", List.of(Map.of(
      "uuid", "00000000-0000-0000-0000-000000000000",
      "summary", "Fixed card of the Spring Boot baseline",
      "indicator", "info",
      "detail", "The baseline reads the request into a Jackson tree and answers this card whatever it was sent.",
      "source", Map.of("label", "metastasectomy-cds bench"),
      "links", List.of(Map.of("label", "bench/README.md", "url", "http://127.0.0.1/", "type", "absolute"))))));

  public static void main(String[] args) {
    SpringApplication.run(SpringBaselineApplication.class, args);
  }

  @PostMapping(path = "/cds-services/{id}", consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
  public ResponseEntity<JsonNode> invoke(@PathVariable String id, @RequestBody JsonNode request) {
    if (!request.isObject() || !request.hasNonNull("hook")) {
      return ResponseEntity.badRequest().body(MAPPER.createObjectNode().put("error", "not a hook request"));
    }
    return ResponseEntity.ok(CARDS);
  }

  @GetMapping(path = "/cds-services", produces = MediaType.APPLICATION_JSON_VALUE)
  public Map<String, Object> discovery() {
    return Map.of("services", List.of());
  }

  /** The path bench/run.sh polls for readiness (no actuator here: its filters are not part of the baseline). */
  @GetMapping(path = "/actuator/health/readiness", produces = MediaType.APPLICATION_JSON_VALUE)
  public Map<String, String> ready() {
    return Map.of("status", "UP");
  }
}
