package org.metastasectomy.cds.reading;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.hl7.fhir.r4.model.Observation;
import org.junit.jupiter.api.Test;

/** A prefetched Observation still in JSON gives the same codes, status and date as the parsed one would. */
class ObservationEntryTest {
  private static final FhirContext FHIR = FhirContext.forR4Cached();
  private static final ObjectMapper JSON = new ObjectMapper();

  private static JsonNode json(String dates) throws Exception {
    return JSON.readTree("{\"resourceType\":\"Observation\",\"status\":\"final\",\"code\":{\"coding\":["
        + "{\"system\":\"http://loinc.org\",\"code\":\"718-7\"},{\"system\":\"http://loinc.org\"}]}"
        + (dates.isEmpty() ? "" : "," + dates) + "}");
  }

  private static LocalDate lazyDate(String dates) throws Exception {
    JsonNode node = json(dates);
    LocalDate lazy = ObservationEntry.lazy(node, j -> null).effective();
    Observation parsed = FHIR.newJsonParser().parseResource(Observation.class, node.toString());
    assertThat(lazy).as("same as the parsed Observation: " + dates).isEqualTo(ObservationReader.effective(parsed));
    return lazy;
  }

  @Test
  void theDateIsEffectiveThenPeriodStartThenIssuedAtAnyPrecision() throws Exception {
    assertThat(lazyDate("\"effectiveDateTime\":\"2026-03-04T10:00:00Z\",\"issued\":\"2026-05-01T00:00:00Z\""))
        .isEqualTo(LocalDate.of(2026, 3, 4));
    assertThat(lazyDate("\"effectiveInstant\":\"2026-03-05T10:00:00.123+01:00\"")).isEqualTo(LocalDate.of(2026, 3, 5));
    assertThat(lazyDate("\"effectivePeriod\":{\"start\":\"2026-02\"},\"issued\":\"2026-05-01T00:00:00Z\""))
        .isEqualTo(LocalDate.of(2026, 2, 1));
    assertThat(lazyDate("\"effectivePeriod\":{\"end\":\"2026-02-02\"},\"issued\":\"2026-05-01T08:30:00Z\""))
        .isEqualTo(LocalDate.of(2026, 5, 1));
    assertThat(lazyDate("\"effectiveDateTime\":\"2025\"")).isEqualTo(LocalDate.of(2025, 1, 1));
    assertThat(lazyDate("")).isNull();
  }

  @Test
  void aDateThatIsNotACalendarDateIsNoDate() throws Exception {
    JsonNode badDay = json("\"effectiveDateTime\":\"2026-02-30\"");
    assertThat(ObservationEntry.lazy(badDay, j -> null).effective()).isNull();
    JsonNode notText = json("\"effectiveDateTime\":20260101");
    assertThat(ObservationEntry.lazy(notText, j -> null).effective()).isNull();
    JsonNode garbage = json("\"effectiveDateTime\":\"yesterday\"");
    assertThat(ObservationEntry.lazy(garbage, j -> null).effective()).isNull();
  }

  @Test
  void codesAndStatusAreReadWithoutParsingAndTheResourceIsParsedOnce() throws Exception {
    AtomicInteger parses = new AtomicInteger();
    Observation parsed = new Observation();
    ObservationEntry e = ObservationEntry.lazy(json(""), j -> {
      parses.incrementAndGet();
      return parsed;
    });
    assertThat(e.hasCode("http://loinc.org", Set.of("718-7"))).isTrue();
    assertThat(e.hasCode("http://loinc.org", Set.of("1751-7"))).isFalse();
    assertThat(e.hasCode("http://snomed.info/sct", Set.of("718-7"))).isFalse();
    assertThat(e.status()).isEqualTo("final");
    assertThat(parses).hasValue(0);
    assertThat(e.resource()).isSameAs(parsed);
    assertThat(e.resource()).isSameAs(parsed);
    assertThat(parses).hasValue(1);
  }
}
