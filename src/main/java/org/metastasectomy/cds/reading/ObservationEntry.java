package org.metastasectomy.cds.reading;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Observation;

/**
 * One Observation of the patient. What is needed to choose it — its codes, status and date — is read up front; the full
 * resource is parsed only when a reader picks it. A patient's prefetch holds many Observations over time, of which the
 * model reads only the latest few: parsing the rest was most of the cost of a hook.
 */
public final class ObservationEntry {
  /** The codings as "system|code" pairs, split: a reader asks "any of these codes in this system?" many times. */
  private final String[] systems;
  private final String[] codeValues;
  private final String status;
  private final LocalDate effective;
  private final JsonNode json;
  private final Function<JsonNode, Observation> parser;
  private Observation resource;

  private ObservationEntry(List<String[]> codings, String status, LocalDate effective, JsonNode json,
      Function<JsonNode, Observation> parser, Observation resource) {
    this.systems = new String[codings.size()];
    this.codeValues = new String[codings.size()];
    for (int i = 0; i < systems.length; i++) {
      systems[i] = codings.get(i)[0];
      codeValues[i] = codings.get(i)[1];
    }
    this.status = status;
    this.effective = effective;
    this.json = json;
    this.parser = parser;
    this.resource = resource;
  }

  /** An Observation already parsed (fetched from the EHR, or built in a test). */
  public static ObservationEntry of(Observation o) {
    List<String[]> codes = new ArrayList<>();
    o.getCode().getCoding().forEach(c -> codes.add(new String[] {c.getSystem(), c.getCode()}));
    return new ObservationEntry(codes, o.hasStatus() ? o.getStatus().toCode() : "", ObservationReader.effective(o), null, null, o);
  }

  /** An Observation still in its prefetched JSON, parsed by {@code parser} on first use. */
  static ObservationEntry lazy(JsonNode json, Function<JsonNode, Observation> parser) {
    List<String[]> codes = new ArrayList<>();
    for (JsonNode c : json.path("code").path("coding")) {
      codes.add(new String[] {c.path("system").asText(null), c.path("code").asText(null)});
    }
    return new ObservationEntry(codes, json.path("status").asText(""), effective(json), json, parser, null);
  }

  boolean hasCode(String system, Set<String> wanted) {
    for (int i = 0; i < systems.length; i++) {
      if (system.equals(systems[i]) && codeValues[i] != null && wanted.contains(codeValues[i])) {
        return true;
      }
    }
    return false;
  }

  String status() {
    return status;
  }

  /** The calendar date of effective[x] (else issued), or null. */
  LocalDate effective() {
    return effective;
  }

  Observation resource() {
    if (resource == null) {
      resource = parser.apply(json);
    }
    return resource;
  }

  /** The same choice of date as {@link ObservationReader#effective(Observation)}, read from the JSON. */
  private static LocalDate effective(JsonNode json) {
    for (String field : new String[] {"effectiveDateTime", "effectiveInstant"}) {
      LocalDate d = date(json.path(field));
      if (d != null) {
        return d;
      }
    }
    LocalDate start = date(json.path("effectivePeriod").path("start"));
    return start != null ? start : date(json.path("issued"));
  }

  /** A FHIR date or dateTime; the calendar part is read directly (HAPI's parser is slow for a hundred dates). */
  private static final Pattern FHIR_DATE_TIME = Pattern.compile(
      "(\\d{4})(?:-(\\d{2})(?:-(\\d{2})(?:T\\d{2}:\\d{2}(?::\\d{2}(?:\\.\\d+)?)?(?:Z|[+-]\\d{2}:\\d{2}))?)?)?");

  private static LocalDate date(JsonNode value) {
    if (!value.isTextual()) {
      return null;
    }
    Matcher m = FHIR_DATE_TIME.matcher(value.asText());
    if (m.matches()) {
      try {
        return LocalDate.of(Integer.parseInt(m.group(1)), m.group(2) == null ? 1 : Integer.parseInt(m.group(2)),
            m.group(3) == null ? 1 : Integer.parseInt(m.group(3)));
      } catch (java.time.DateTimeException notADate) {
        return null;
      }
    }
    try {
      return FhirDates.of(new DateTimeType(value.asText()));
    } catch (RuntimeException notADate) {
      return null;
    }
  }
}
