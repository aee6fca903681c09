package org.metastasectomy.cds.hooks;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.metastasectomy.cds.audit.PatientHasher;
import org.metastasectomy.cds.cards.IssuedCard;
import org.metastasectomy.cds.cdshooks.Card;
import org.metastasectomy.cds.cdshooks.CdsRequest;
import org.metastasectomy.cds.reading.InvalidPrefetchException;
import org.metastasectomy.cds.intake.PrefetchUnavailableException;
import org.metastasectomy.cds.model.Assessment;

/**
 * What one invocation leaves in the audit trail, gathered while it is processed so that a rejected request is audited
 * too. Identifiers are kept only when they look like identifiers; the patient only as a keyed hash.
 */
final class InvocationAudit {
  private static final Pattern HOOK_INSTANCE = Pattern.compile("[A-Za-z0-9\\-]{1,100}");
  private static final Pattern FHIR_ID = Pattern.compile("[A-Za-z0-9\\-.]{1,64}");
  private static final Pattern KEY = Pattern.compile("[A-Za-z0-9_\\-]{1,64}");

  private final PatientHasher hasher;
  private final HookService.Caller caller;
  private String hookInstance;
  private String patientHash;
  private List<String> prefetchKeys = List.of();
  private Set<String> unavailable = new TreeSet<>();
  private List<IssuedCard> cards = List.of();
  private Assessment assessment;
  private int status = 200;
  private String rejected;
  private String suppression;
  private java.util.concurrent.CompletableFuture<String> inputCheck = java.util.concurrent.CompletableFuture.completedFuture(null);

  /** @param caller who called; part of the patient key, so that suppression never crosses callers (issue 15, finding 3) */
  InvocationAudit(PatientHasher hasher, HookService.Caller caller) {
    this.hasher = hasher;
    this.caller = caller;
  }

  /** From the raw body, before it is checked: whatever can be told about the request even if it is then rejected. */
  void identify(JsonNode body) {
    String instance = body.path("hookInstance").asText(null);
    hookInstance = instance != null && HOOK_INSTANCE.matcher(instance).matches() ? instance : null;
    String patientId = body.path("context").path("patientId").asText(null);
    String fhirServer = body.path("fhirServer").isTextual() ? body.path("fhirServer").asText() : null;
    patientHash = patientId != null && FHIR_ID.matcher(patientId).matches() ? hasher.hash(caller.issuer(), caller.tenant(), fhirServer, patientId) : null;
    List<String> keys = new ArrayList<>();
    if (body.path("prefetch").isObject()) {
      body.path("prefetch").fieldNames().forEachRemaining(k -> keys.add(KEY.matcher(k).matches() ? k : "(unnamed)"));
    }
    prefetchKeys = keys;
  }

  void identify(CdsRequest request) {
    hookInstance = HOOK_INSTANCE.matcher(request.hookInstance()).matches() ? request.hookInstance() : null;
    patientHash = hasher.hash(caller.issuer(), caller.tenant(), request.fhirServer(), request.patientId());
    prefetchKeys = request.prefetch().keySet().stream().map(k -> KEY.matcher(k).matches() ? k : "(unnamed)").toList();
  }

  String patientHash() {
    return patientHash;
  }

  HookService.Caller caller() {
    return caller;
  }

  /** Why the recommendation was quieted, or that the check could not be made (issue 12, item 6); null: nothing to say. */
  void suppression(String note) {
    suppression = note;
  }

  void answered(List<IssuedCard> issued, Set<String> unavailableKeys, Assessment a) {
    cards = List.copyOf(issued);
    unavailable.addAll(unavailableKeys);
    assessment = a;
  }

  void failed(RuntimeException e) {
    status = ErrorStatus.of(e);
    if (e instanceof BadRequestException b) {
      rejected = b.field();
    } else if (e instanceof InvalidPrefetchException p) {
      rejected = p.field();
    } else if (e instanceof PrefetchUnavailableException u) {
      unavailable.addAll(u.keys());
    }
  }

  /** The input check of cds.fhir.validate-input, whose summary the audit row waits for. */
  void inputCheck(java.util.concurrent.CompletableFuture<String> check) {
    inputCheck = check;
  }

  java.util.concurrent.CompletableFuture<String> inputCheck() {
    return inputCheck;
  }

  String hookInstance() {
    return hookInstance;
  }

  int status() {
    return status;
  }

  String cardUuids() {
    return cards.stream().map(IssuedCard::card).map(Card::uuid).collect(Collectors.joining(","));
  }

  /**
   * What was sent and what could not be had; with {@code clinicalValues} also the assessment's candidacy and IMDC
   * group (cds.audit.store-clinical-values). Never a resource value, a message text or an identifier.
   */
  String detail(boolean clinicalValues) {
    List<String> parts = new ArrayList<>();
    parts.add(prefetchKeys.isEmpty() ? "no prefetch" : "prefetch keys " + String.join(",", prefetchKeys));
    if (!unavailable.isEmpty()) {
      parts.add("unavailable " + String.join(",", unavailable));
    }
    if (rejected != null) {
      parts.add("rejected " + rejected);
    }
    if (suppression != null) {
      parts.add(suppression);
    }
    if (clinicalValues && assessment != null) {
      parts.add("candidacy " + assessment.candidacy().name());
      parts.add("IMDC " + assessment.imdc().groupsText());
    }
    return String.join("; ", parts);
  }
}
