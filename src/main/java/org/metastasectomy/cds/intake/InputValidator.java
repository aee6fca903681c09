package org.metastasectomy.cds.intake;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.validation.ValidationResult;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Supplier;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Resource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code cds.fhir.validate-input=warn}: validates each prefetch key (as sent, or as fetched) against base R4 and the
 * profiles its resources' codes select, on a background thread, and summarises the issues for the audit.
 * Bounded: one validation at a time with a short queue (requests beyond it are not checked), at most
 * {@link #MAX_RESOURCES} resources per request, and nothing until the validator has loaded (tens of seconds).
 */
public final class InputValidator implements InputCheck, AutoCloseable {
  static final int MAX_RESOURCES = 500;
  private static final Logger log = LoggerFactory.getLogger(InputValidator.class);

  private final CompletableFuture<ContractValidator> contract;
  private final ExecutorService executor;
  private final FhirContext fhir;
  private final ObjectMapper json;

  /** Starts building the validator on the executor, which it then owns; checks before it is ready are skipped. */
  public InputValidator(Supplier<ContractValidator> build, ExecutorService executor, FhirContext fhir, ObjectMapper json) {
    this.executor = executor;
    this.fhir = fhir;
    this.json = json;
    this.contract = CompletableFuture.supplyAsync(() -> warm(build), executor);
  }

  /** Stops the validation thread (the executor belongs to this validator). */
  @Override
  public void close() {
    executor.shutdownNow();
  }

  private static ContractValidator warm(Supplier<ContractValidator> build) {
    long start = System.nanoTime();
    ContractValidator validator = build.get();
    // the first validation loads the core definitions: do it now rather than in the first real check
    validator.validate("{\"resourceType\":\"Patient\",\"gender\":\"unknown\"}", List.of());
    log.info("input validator ready in {} ms", (System.nanoTime() - start) / 1_000_000);
    return validator;
  }

  @Override
  public CompletableFuture<String> check(PrefetchData data) {
    ContractValidator validator = contract.getNow(null);
    if (validator == null) {
      return CompletableFuture.completedFuture(contract.isCompletedExceptionally()
          ? "input validation unavailable: validator failed to load" : "input validation skipped: validator still loading");
    }
    try {
      return CompletableFuture.supplyAsync(() -> summarise(validator, data), executor);
    } catch (RejectedExecutionException e) {
      return CompletableFuture.completedFuture("input validation skipped: validator busy");
    }
  }

  private String summarise(ContractValidator validator, PrefetchData data) {
    try {
      Map<String, JsonNode> inputs = inputs(data);
      int resources = inputs.values().stream().mapToInt(InputValidator::resourceCount).sum();
      if (resources > MAX_RESOURCES) {
        return "input validation skipped: " + resources + " resources (limit " + MAX_RESOURCES + ")";
      }
      InputIssues issues = new InputIssues(resources);
      inputs.forEach((key, node) -> {
        ValidationResult result = validator.validate(tagged(node, validator.selector()).toString(), List.of());
        issues.add(key, result.getMessages());
      });
      return issues.summary();
    } catch (RuntimeException e) {
      log.warn("input validation failed: {}", e.getClass().getSimpleName());
      return "input validation failed: " + e.getClass().getSimpleName();
    }
  }

  /** Prefetch as sent (raw JSON, so unknown elements are seen) and fetched keys as a collection Bundle. */
  private Map<String, JsonNode> inputs(PrefetchData data) {
    Map<String, JsonNode> out = new LinkedHashMap<>();
    data.prefetched().forEach((key, node) -> {
      if (node != null && node.isObject()) {
        out.put(key, node);
      }
    });
    data.fetched().forEach((key, resources) -> out.put(key, asBundle(resources)));
    return out;
  }

  private JsonNode asBundle(List<IBaseResource> resources) {
    Bundle bundle = new Bundle().setType(Bundle.BundleType.COLLECTION);
    resources.forEach(r -> bundle.addEntry().setResource((Resource) r));
    try {
      return json.readTree(fhir.newJsonParser().encodeResourceToString(bundle));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A copy in which each resource also claims the profiles of ours its codes select, so one call checks them all. */
  private static JsonNode tagged(JsonNode node, ProfileSelector selector) {
    ObjectNode copy = node.deepCopy();
    if ("Bundle".equals(copy.path("resourceType").asText())) {
      copy.path("entry").forEach(e -> {
        if (e.path("resource").isObject()) {
          claim((ObjectNode) e.get("resource"), selector);
        }
      });
    } else {
      claim(copy, selector);
    }
    return copy;
  }

  private static void claim(ObjectNode resource, ProfileSelector selector) {
    List<String> ours = selector.profilesFor(resource);
    if (ours.isEmpty()) {
      return;
    }
    ObjectNode meta = resource.path("meta").isObject() ? (ObjectNode) resource.get("meta") : resource.putObject("meta");
    ArrayNode profiles = meta.path("profile").isArray() ? (ArrayNode) meta.get("profile") : meta.putArray("profile");
    ours.forEach(profiles::add);
  }

  private static int resourceCount(JsonNode node) {
    return "Bundle".equals(node.path("resourceType").asText()) ? node.path("entry").size() : 1;
  }
}
