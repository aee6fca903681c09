package org.metastasectomy.cds.intake;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.parser.LenientErrorHandler;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.client.api.IRestfulClientFactory;
import ca.uhn.fhir.rest.client.interceptor.BearerTokenAuthInterceptor;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.hl7.fhir.r4.model.Bundle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads and exercises HAPI's model, parsers and client before the first request. Cold, the first fetch of the example
 * patient's Observations took longer than the whole fetch deadline (2 s on 2 cores), so the first patient after a start
 * would have been answered without labs. Parses the synthetic example answers shipped in the jar a few times (enough
 * for the JIT to compile the parser's hot paths); no network call.
 */
public final class FhirWarmUp {
  private static final Logger log = LoggerFactory.getLogger(FhirWarmUp.class);
  private static final String EXAMPLES = "/cds-hooks/examples/prefetch-missing/fhir-server/";
  private static final List<String> FILES = List.of("Patient.json", "Condition.json", "Observation.json", "Procedure.json",
      "MedicationRequest.json", "ServiceRequest.json");
  private static final int ROUNDS = 5;

  private FhirWarmUp() {}

  /** Warms the shared context (prefetch parsing) and the EHR client's own context (fetched resources). */
  public static void run(FhirContext shared, IRestfulClientFactory clients) {
    long start = System.nanoTime();
    IGenericClient client = clients.newGenericClient("https://warm-up.invalid/fhir");
    client.registerInterceptor(new BearerTokenAuthInterceptor("warm-up"));
    client.search().byUrl("Condition?patient=warm-up").returnBundle(Bundle.class);
    client.read().resource("Patient").withId("warm-up");
    for (FhirContext fhir : List.of(shared, client.getFhirContext())) {
      IParser json = fhir.newJsonParser().setParserErrorHandler(new LenientErrorHandler(false));
      for (int round = 0; round < ROUNDS; round++) {
        for (String file : FILES) {
          json.encodeResourceToString(json.parseResource(read(file)));
        }
      }
    }
    log.info("FHIR parsers and client warmed up in {} ms", (System.nanoTime() - start) / 1_000_000);
  }

  private static String read(String file) {
    try (InputStream in = FhirWarmUp.class.getResourceAsStream(EXAMPLES + file)) {
      if (in == null) {
        throw new IllegalStateException("warm-up file missing from the jar: " + EXAMPLES + file);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
