package org.metastasectomy.cds.intake;

import java.util.concurrent.CompletableFuture;

/**
 * Checks a request's FHIR input against the contract in fhir-profiles/ ({@code cds.fhir.validate-input}). The answer
 * never waits for it: the check completes later with a short summary for the audit row (null when there is nothing to
 * say), and never fails.
 */
@FunctionalInterface
public interface InputCheck {
  InputCheck OFF = data -> CompletableFuture.completedFuture(null);

  CompletableFuture<String> check(PrefetchData data);
}
