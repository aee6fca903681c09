package org.metastasectomy.cds.intake;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.parser.LenientErrorHandler;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads and exercises HAPI's model, parsers and client before the first request. Cold, the first fetch of the example
 * patient's Observations took longer than the whole fetch deadline (2 s on 2 cores), so the first patient after a start
 * would have been answered without labs. Parses the synthetic example answers shipped in the jar a few times (enough
 * for the JIT to compile the parser's hot paths), the EHR's answers through the same streaming reader the fetches use;
 * no network call.
 */
public final class FhirWarmUp {
  private static final Logger log = LoggerFactory.getLogger(FhirWarmUp.class);
  private static final String EXAMPLES = "/cds-hooks/examples/prefetch-missing/fhir-server/";
  private static final List<String> FILES = List.of("Patient.json", "Condition.json", "Observation.json", "Procedure.json",
      "MedicationRequest.json", "ServiceRequest.json");
  private static final int ROUNDS = 5;

  private FhirWarmUp() {}

  /** Warms the shared context (prefetch parsing) and the EHR client's own context (fetched resources). */
  static void run(FhirContext shared, FhirContext ehrContext) {
    long start = System.nanoTime();
    IParser prefetch = shared.newJsonParser().setParserErrorHandler(new LenientErrorHandler(false));
    IParser ehr = ehrContext.newJsonParser().setParserErrorHandler(new LenientErrorHandler(false));
    for (int round = 0; round < ROUNDS; round++) {
      for (String file : FILES) {
        String text = read(file);
        prefetch.encodeResourceToString(prefetch.parseResource(text));
        try {
          if (file.equals("Patient.json")) {
            ehr.parseResource(text);
          } else {
            SearchPageReader.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), ehr, new int[] {Integer.MAX_VALUE});
          }
        } catch (IOException e) {
          throw new UncheckedIOException(e);
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
