package org.metastasectomy.cds.audit;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.metastasectomy.cds.cards.IssuedCard;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The audit of hook invocations, in one place: a trail per invocation, an audit row for every one (answered or
 * rejected), and the issued cards remembered so later feedback finds its card and patient. Rows are queued for
 * {@link AuditWriter}; nothing here makes a hook wait for, or fail with, the database.
 */
public final class HookAudit {
  private static final Logger log = LoggerFactory.getLogger(HookAudit.class);
  /** The audit row waits this long at most for the input check (cds.fhir.validate-input); the answer never waits. */
  private static final long INPUT_CHECK_TIMEOUT_SECONDS = 60;

  private final AuditWriter writer;
  private final PatientHasher hasher;
  private final String modelVersion;
  private final boolean clinicalValues;

  /** @param clinicalValues cds.audit.store-clinical-values: also the candidacy and IMDC group in the detail */
  public HookAudit(AuditWriter writer, PatientHasher hasher, String modelVersion, boolean clinicalValues) {
    this.writer = writer;
    this.hasher = hasher;
    this.modelVersion = modelVersion;
    this.clinicalValues = clinicalValues;
  }

  /**
   * @param issuer the caller's verified JWT issuer, null when client authentication is off (and for the warm-up)
   * @param tenant the caller's tenant, null when none
   */
  public InvocationTrail start(String issuer, String tenant) {
    return new InvocationTrail(hasher, issuer, tenant);
  }

  /**
   * Remembers each issued card with the hashed patient and the caller it was issued to, so feedback is accepted only from
   * that caller (issue 15, finding 3).
   */
  public void issued(String serviceId, String hookInstance, InvocationTrail trail, List<IssuedCard> cards) {
    try {
      for (IssuedCard c : cards) {
        writer.issued(new AuditWriter.IssuedCardRow(c.card().uuid(), c.type().name(), trail.patientHash(), serviceId,
            hookInstance, trail.issuer(), trail.tenant()));
      }
    } catch (RuntimeException e) {
      log.warn("issued cards not recorded: database unavailable ({})", e.getClass().getSimpleName());
    }
  }

  /** Queues the invocation's audit row once its input check (if any) has reported. */
  public void finish(String serviceId, InvocationTrail trail, Duration latency, String issuer, String tenant) {
    trail.inputCheck().completeOnTimeout("input validation: timed out", INPUT_CHECK_TIMEOUT_SECONDS, TimeUnit.SECONDS)
        .exceptionally(e -> "input validation failed")
        .thenAccept(summary -> append(serviceId, trail, latency.toMillis(), issuer, tenant, summary));
  }

  private void append(String serviceId, InvocationTrail trail, long latency, String issuer, String tenant, String inputValidation) {
    try {
      String detail = trail.detail(clinicalValues) + (inputValidation == null ? "" : "; " + inputValidation);
      writer.append(new AuditRepository.AuditEvent(trail.hookInstance(), serviceId, trail.status(), trail.cardUuids(),
          modelVersion, latency, issuer, tenant, trail.patientHash(), detail));
    } catch (RuntimeException e) {
      log.warn("audit row not written: database unavailable ({})", e.getClass().getSimpleName());
    }
  }
}
