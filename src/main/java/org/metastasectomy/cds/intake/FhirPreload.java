package org.metastasectomy.cds.intake;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.LenientErrorHandler;
import java.util.concurrent.CompletableFuture;

/**
 * HAPI's two R4 contexts (the shared one for prefetch and draft orders, the EHR client's own) and their warm-up
 * (FhirWarmUp), begun on a daemon thread as early as possible. Spring's context refresh runs mostly on one thread, so
 * on two cores HAPI's class loading and the parsers' JIT warm-up overlap it instead of following it. Readiness still
 * waits for the warm-up to finish (config.EhrFhirConfiguration's runner joins it).
 */
public final class FhirPreload {
  private static FhirPreload started;

  private final CompletableFuture<Contexts> contexts;
  private final CompletableFuture<Void> warmUp;

  /** The shared context and the EHR client's context, whose parsers log nothing about what they read (patient data). */
  public record Contexts(FhirContext shared, FhirContext ehr) {}

  private FhirPreload() {
    contexts = new CompletableFuture<>();
    warmUp = new CompletableFuture<>();
    Thread thread = new Thread(this::load, "fhir-preload");
    thread.setDaemon(true);
    thread.start();
  }

  /** Begins loading once per JVM (from CdsApplication.main, or on first use when the context starts without it). */
  public static synchronized FhirPreload start() {
    if (started == null) {
      started = new FhirPreload();
    }
    return started;
  }

  /** The contexts, waiting for them if they are still being created. */
  public Contexts contexts() {
    return contexts.join();
  }

  /** Waits for the warm-up; rethrows its failure, so a failed warm-up fails the start as it did before. */
  public void awaitWarmUp() {
    warmUp.join();
  }

  private void load() {
    Contexts loaded;
    try {
      FhirContext ehr = FhirContext.forR4();
      ehr.setParserErrorHandler(new LenientErrorHandler(false));
      loaded = new Contexts(FhirContext.forR4Cached(), ehr);
      contexts.complete(loaded);
    } catch (RuntimeException | Error e) {
      contexts.completeExceptionally(e);
      warmUp.completeExceptionally(e);
      return;
    }
    try {
      FhirWarmUp.run(loaded.shared(), loaded.ehr());
      warmUp.complete(null);
    } catch (RuntimeException | Error e) {
      warmUp.completeExceptionally(e);
    }
  }
}
