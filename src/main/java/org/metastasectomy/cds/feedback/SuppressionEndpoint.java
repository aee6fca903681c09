package org.metastasectomy.cds.feedback;

import java.security.Principal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.actuate.endpoint.InvalidEndpointRequestException;
import org.springframework.boot.actuate.endpoint.annotation.DeleteOperation;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import org.springframework.lang.Nullable;

/**
 * {@code /actuator/suppression}: an operator lists and clears the feedback that quiets a patient's card (issue 12, item
 * 6). Only for an authenticated operator (config/OperatorSecurity; refused to everyone when no operator password is set).
 * The patient is named by the keyed hash of the audit row, or found by id with a POST (so the id never sits in a URL or an
 * access log). A documented tumour board review also quiets the card; that is the EHR's record and is not cleared here.
 */
@Endpoint(id = "suppression")
public class SuppressionEndpoint {
  private static final Logger log = LoggerFactory.getLogger(SuppressionEndpoint.class);
  private static final Pattern HASH = Pattern.compile("[0-9a-f]{64}");
  private static final Pattern FHIR_ID = Pattern.compile("[A-Za-z0-9\\-.]{1,64}");

  private final SuppressionRepository suppressions;
  private final PatientKey hasher;
  private final Clock clock;
  private final Duration period;

  /** The keyed patient hash of the audit trail (audit.PatientHasher, wired in config; feedback does not see audit). */
  @FunctionalInterface
  public interface PatientKey {
    String hash(String issuer, String tenant, String fhirServer, String patientId);
  }

  public SuppressionEndpoint(SuppressionRepository suppressions, PatientKey hasher, Clock clock, Duration period) {
    this.suppressions = suppressions;
    this.hasher = hasher;
    this.clock = clock;
    this.period = period;
  }

  /** One patient's active suppressions. */
  public record PatientSuppressions(String patientHash, List<Entry> suppressions) {}

  /** Feedback that quiets a card, and until when. */
  public record Entry(String cardType, String cardUuid, String serviceId, String outcome, String overrideCode,
      Instant outcomeTimestamp, Instant until) {}

  /** {@code GET /actuator/suppression/{patientHash}} */
  @ReadOperation
  public PatientSuppressions list(@Selector String patientHash) {
    return suppressionsOf(checkedHash(patientHash));
  }

  /**
   * {@code POST /actuator/suppression} with {@code {"patientId": .., "fhirServer": .., "issuer": .., "tenant": ..}}: the
   * patient as the EHR named it (fhirServer as sent in the hook request; issuer and tenant of the EHR's JWT, left out when
   * client authentication is off).
   */
  @WriteOperation
  public PatientSuppressions find(String patientId, @Nullable String fhirServer, @Nullable String issuer, @Nullable String tenant) {
    if (!FHIR_ID.matcher(patientId).matches()) {
      throw new InvalidEndpointRequestException("patientId must be a FHIR id", "patientId must be a FHIR id");
    }
    return suppressionsOf(hasher.hash(blankToNull(issuer), blankToNull(tenant), blankToNull(fhirServer), patientId));
  }

  /** {@code DELETE /actuator/suppression/{patientHash}}: the patient's card shows again from the next hook call. */
  @DeleteOperation
  public Map<String, Object> clear(@Selector String patientHash, @Nullable Principal operator) {
    int cleared = suppressions.clear(checkedHash(patientHash), clock.instant());
    log.info("operator {} cleared {} suppressing feedback item(s) of patient {}", operator == null ? "?" : operator.getName(),
        cleared, patientHash.substring(0, 12));
    return Map.of("patientHash", patientHash, "cleared", cleared);
  }

  private PatientSuppressions suppressionsOf(String patientHash) {
    Instant now = clock.instant();
    List<Entry> entries = suppressions.active(patientHash, now.minus(period)).stream()
        .map(f -> new Entry(f.cardType(), f.cardUuid(), f.serviceId(), f.outcome(), f.overrideCode(), f.outcomeTimestamp(),
            (f.outcomeTimestamp().isBefore(f.receivedAt()) ? f.outcomeTimestamp() : f.receivedAt()).plus(period)))
        .toList();
    return new PatientSuppressions(patientHash, entries);
  }

  private static String checkedHash(String patientHash) {
    if (!HASH.matcher(patientHash).matches()) {
      throw new InvalidEndpointRequestException("not a patient hash",
          "the patient is named by the 64-character hex hash of the audit row");
    }
    return patientHash;
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }
}
