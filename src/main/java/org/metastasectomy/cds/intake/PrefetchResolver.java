package org.metastasectomy.cds.intake;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.metastasectomy.cds.cdshooks.CdsRequest;
import org.metastasectomy.cds.cdshooks.ServiceDescriptor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Prefetch per the spec: a present key is used (a Bundle, a resource, or null for "no data"); an OperationOutcome
 * counts as a failed prefetch; every missing or failed key is fetched from fhirServer in parallel. Required keys that
 * can be had neither way end in 412; optional ones are reported as unavailable and the answer goes on without them.
 */
public final class PrefetchResolver {
  private static final Logger log = LoggerFactory.getLogger(PrefetchResolver.class);

  private final EhrFhirClient client;

  public PrefetchResolver(EhrFhirClient client) {
    this.client = client;
  }

  public PrefetchData resolve(ServiceDescriptor service, CdsRequest request) {
    Map<String, String> templates = service.prefetch() == null ? Map.of() : service.prefetch();
    Map<String, JsonNode> usable = new LinkedHashMap<>();
    Map<String, String> toFetch = new LinkedHashMap<>();
    Map<String, JsonNode> given = request.prefetch() == null ? Map.of() : request.prefetch();
    for (Map.Entry<String, String> t : templates.entrySet()) {
      String key = t.getKey();
      JsonNode value = given.get(key);
      boolean present = given.containsKey(key);
      if (present && !isOperationOutcome(value)) {
        usable.put(key, value);
      } else {
        toFetch.put(key, render(t.getValue(), request.context()));
      }
    }
    Map<String, List<IBaseResource>> fetched = new LinkedHashMap<>();
    Set<String> unavailable = new HashSet<>();
    Map<String, String> failures = new LinkedHashMap<>();
    if (!toFetch.isEmpty()) {
      if (client.canReach(request.fhirServer())) {
        String token = request.fhirAuthorization() == null ? null : request.fhirAuthorization().accessToken();
        client.fetchAll(request.fhirServer(), token, toFetch, client.settings().deadlineFor(service.hook())).forEach((key, result) -> {
          if (result.failed()) {
            failures.put(key, result.failure());
          } else {
            fetched.put(key, result.resources());
          }
        });
      } else {
        String why = request.fhirServer() == null ? "not prefetched and no fhirServer given" : notAllowed(request.fhirServer(), toFetch);
        toFetch.keySet().forEach(k -> failures.put(k, why));
      }
    }
    if (templates.containsKey(PrefetchKeys.PATIENT) && !failures.containsKey(PrefetchKeys.PATIENT)) {
      Optional<String> unusable = fetched.containsKey(PrefetchKeys.PATIENT)
          ? PatientCheck.fetched(fetched.get(PrefetchKeys.PATIENT), request.patientId())
          : PatientCheck.prefetched(usable.get(PrefetchKeys.PATIENT), request.patientId());
      unusable.ifPresent(why -> failures.put(PrefetchKeys.PATIENT, why));
    }
    List<String> missingRequired = new ArrayList<>();
    failures.forEach((key, why) -> {
      unavailable.add(key);
      if (PrefetchKeys.REQUIRED.contains(key)) {
        missingRequired.add(key);
      }
    });
    if (!missingRequired.isEmpty()) {
      missingRequired.sort(String::compareTo);
      throw new PrefetchUnavailableException(missingRequired, String.join("; ", missingRequired.stream().map(failures::get).distinct().toList()));
    }
    if (!failures.isEmpty()) {
      log.info("answering without prefetch keys {}", failures.keySet());
    }
    return new PrefetchData(request.patientId(), usable, fetched, unavailable);
  }


  /** The reason in the 412, and a log line: the operator adds the server to the allow-list or the EHR prefetches. */
  private static String notAllowed(String fhirServer, Map<String, String> keys) {
    String origin = ServerOrigin.of(fhirServer);
    log.warn("fhirServer {} is not on cds.fhir.allowed-servers (CDS_FHIR_ALLOWEDSERVERS_0, ...): prefetch keys {} not "
        + "fetched", origin, keys.keySet());
    return "not prefetched, and fhirServer " + origin + " is not allowed: the service's operator must add it to "
        + "cds.fhir.allowed-servers";
  }

  private static boolean isOperationOutcome(JsonNode value) {
    return value != null && value.isObject() && "OperationOutcome".equals(value.path("resourceType").asText());
  }

  /** Replaces {{context.x}} tokens with the (URL-encoded) context values; ids were validated by the web layer. */
  static String render(String template, JsonNode context) {
    String out = template;
    for (String field : List.of("patientId", "userId", "encounterId")) {
      String token = "{{context." + field + "}}";
      if (out.contains(token)) {
        out = out.replace(token, URLEncoder.encode(context.path(field).asText(), StandardCharsets.UTF_8));
      }
    }
    return out;
  }
}
