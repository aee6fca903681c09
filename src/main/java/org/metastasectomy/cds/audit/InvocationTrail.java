package org.metastasectomy.cds.audit;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.metastasectomy.cds.cards.IssuedCard;
import org.metastasectomy.cds.cdshooks.Card;
import org.metastasectomy.cds.cdshooks.CdsRequest;
import org.metastasectomy.cds.model.Assessment;
import org.metastasectomy.cds.model.RiskGroup;

/**
 * What one invocation leaves in the audit trail, gathered while it is processed so that a rejected request is audited
 * too (HookAudit writes it). Identifiers are kept only when they look like identifiers; the patient only as a keyed
 * hash.
 */
public final class InvocationTrail {
  private static final Pattern HOOK_INSTANCE = Pattern.compile("[A-Za-z0-9\\-]{1,100}");
  private static final Pattern FHIR_ID = Pattern.compile("[A-Za-z0-9\\-.]{1,64}");
  private static final Pattern KEY = Pattern.compile("[A-Za-z0-9_\\-]{1,64}");

  private final PatientHasher hasher;
  private final String issuer;
  private final String tenant;
  private String hookInstance;
  private String patientHash;
  private List<String> prefetchKeys = List.of();
  private Set<String> unavailable = new TreeSet<>();
  private List<IssuedCard> cards = List.of();
  private Assessment assessment;
  private int status = 200;
  private String rejected;
  private String suppression;
  private CompletableFuture<String> inputCheck = CompletableFuture.completedFuture(null);

  /**
   * @param issuer the caller's JWT issuer, null when authentication is off; with the tenant part of the patient key, so
   *     that suppression never crosses callers (issue 15, finding 3)
   */
  InvocationTrail(PatientHasher hasher, String issuer, String tenant) {
    this.hasher = hasher;
    this.issuer = issuer;
    this.tenant = tenant;
  }

  /** From the raw body, before it is checked: whatever can be told about the request even if it is then rejected. */
  public void identify(JsonNode body) {
    String instance = body.path("hookInstance").asText(null);
    hookInstance = instance != null && HOOK_INSTANCE.matcher(instance).matches() ? instance : null;
    String patientId = body.path("context").path("patientId").asText(null);
    String fhirServer = body.path("fhirServer").isTextual() ? body.path("fhirServer").asText() : null;
    patientHash = patientId != null && FHIR_ID.matcher(patientId).matches() ? hasher.hash(issuer, tenant, fhirServer, patientId) : null;
    List<String> keys = new ArrayList<>();
    if (body.path("prefetch").isObject()) {
      body.path("prefetch").fieldNames().forEachRemaining(k -> keys.add(KEY.matcher(k).matches() ? k : "(unnamed)"));
    }
    prefetchKeys = keys;
  }

  public void identify(CdsRequest request) {
    hookInstance = HOOK_INSTANCE.matcher(request.hookInstance()).matches() ? request.hookInstance() : null;
    patientHash = hasher.hash(issuer, tenant, request.fhirServer(), request.patientId());
    prefetchKeys = request.prefetch().keySet().stream().map(k -> KEY.matcher(k).matches() ? k : "(unnamed)").toList();
  }

  public String patientHash() {
    return patientHash;
  }

  public String issuer() {
    return issuer;
  }

  public String tenant() {
    return tenant;
  }

  /** Why the recommendation was quieted, or that the check could not be made (issue 12, item 6); null: nothing to say. */
  public void suppression(String note) {
    suppression = note;
  }

  /** The answer: the cards, the prefetch keys that could not be had, and the assessment (null when none was made). */
  public void answered(List<IssuedCard> issued, Set<String> unavailableKeys, Assessment a) {
    cards = List.copyOf(issued);
    unavailable.addAll(unavailableKeys);
    assessment = a;
  }

  /**
   * The request failed with this HTTP status.
   *
   * @param rejectedField the request field that was rejected, or null
   * @param unavailableKeys required prefetch keys that could be had neither way (a 412)
   */
  public void failed(int httpStatus, String rejectedField, Collection<String> unavailableKeys) {
    status = httpStatus;
    rejected = rejectedField;
    unavailable.addAll(unavailableKeys);
  }

  /** The input check of cds.fhir.validate-input, whose summary the audit row waits for. */
  public void inputCheck(CompletableFuture<String> check) {
    inputCheck = check;
  }

  CompletableFuture<String> inputCheck() {
    return inputCheck;
  }

  String hookInstance() {
    return hookInstance;
  }

  public int status() {
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
      parts.add("IMDC " + assessment.imdc().groups().stream().map(RiskGroup::label).collect(Collectors.joining(" / ")));
    }
    return String.join("; ", parts);
  }
}
