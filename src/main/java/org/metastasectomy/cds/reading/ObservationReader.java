package org.metastasectomy.cds.reading;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Observation.ObservationReferenceRangeComponent;
import org.hl7.fhir.r4.model.Quantity;
import org.metastasectomy.cds.model.Fact;
import org.metastasectomy.cds.model.Histology;
import org.metastasectomy.cds.model.Lab;
import org.metastasectomy.cds.model.LabValue;

/**
 * Reads performance status, labs, grade, histology and TNM from Observations. Only final, amended and corrected
 * results count; the latest wins; performance status and labs older than the look-back are ignored.
 */
final class ObservationReader {
  private static final Pattern GRADE = Pattern.compile("(?i)(?:\\bG|grade\\s*)([1-4])\\b");
  private static final Pattern BARE_DIGIT = Pattern.compile("^\\s*([0-9])\\s*$");

  private static final Set<String> USABLE_CODES = Set.of("final", "amended", "corrected");
  /** Latest first; entries with equal dates keep their order (the first one wins, as a max over the list would). */
  private static final Comparator<ObservationEntry> LATEST_FIRST =
      Comparator.comparing((ObservationEntry e) -> Optional.ofNullable(e.effective()).orElse(LocalDate.MIN)).reversed();

  private final List<ObservationEntry> observations;
  private final LocalDate lookbackStart;

  ObservationReader(List<ObservationEntry> observations, LocalDate asOf, int lookbackDays) {
    this.observations = observations.stream().filter(o -> USABLE_CODES.contains(o.status())).toList();
    this.lookbackStart = asOf.minusDays(lookbackDays);
  }

  Fact<Integer> ecog() {
    return latestRecent(Lookup.set(Codes.ECOG)).map(o -> integerValue(o).map(v -> Fact.of(v, ConditionReader.ref(o))))
        .flatMap(Function.identity()).orElse(Fact.unknown());
  }

  Fact<Integer> karnofsky() {
    return latestRecent(Lookup.set(Codes.KARNOFSKY)).map(o -> integerValue(o).map(v -> Fact.of(v, ConditionReader.ref(o))))
        .flatMap(Function.identity()).orElse(Fact.unknown());
  }

  Map<Lab, Fact<LabValue>> labs(String sex, ReferenceRangeDefaults defaults) {
    Map<Lab, Fact<LabValue>> out = new EnumMap<>(Lab.class);
    for (Lab lab : Lab.values()) {
      Set<String> codes = Codes.LAB_LOINC.entrySet().stream().filter(e -> e.getValue() == lab).map(Map.Entry::getKey)
          .collect(java.util.stream.Collectors.toSet());
      observations.stream()
          .filter(e -> e.hasCode(Codes.LOINC, codes) && recent(e))
          .sorted(LATEST_FIRST)
          .map(ObservationEntry::resource)
          .filter(Observation::hasValueQuantity)
          .map(o -> toLabValue(lab, o, sex, defaults))
          .flatMap(Optional::stream)
          .findFirst()
          .ifPresent(v -> out.put(lab, Fact.of(v, v.source(), v.date())));
    }
    return out;
  }

  /** Grade and histology describe the tumour at diagnosis: no look-back. */
  Fact<Integer> grade() {
    return latest(e -> e.hasCode(Codes.NCIT, Set.of(Codes.GRADE_NCIT)), o -> true)
        .flatMap(o -> gradeValue(o).map(v -> Fact.of(v, ConditionReader.ref(o))))
        .orElse(Fact.unknown());
  }

  Fact<Histology> histology() {
    return latest(e -> e.hasCode(Codes.LOINC, Codes.HISTOLOGY_OBSERVATION), Observation::hasValueCodeableConcept)
        .flatMap(o -> o.getValueCodeableConcept().getCoding().stream()
            .filter(c -> Codes.ICDO3.equals(c.getSystem()))
            .map(c -> Histology.fromIcdO3(c.getCode()))
            .filter(java.util.Objects::nonNull)
            .findFirst()
            .map(h -> Fact.of(h, ConditionReader.ref(o))))
        .orElse(Fact.unknown());
  }

  /** An Observation reporting sarcomatoid RCC (ICD-O-3 8318/3), whatever the latest histology says. */
  Fact<Boolean> sarcomatoidReported() {
    return observations.stream()
        .filter(e -> e.hasCode(Codes.LOINC, Codes.HISTOLOGY_OBSERVATION))
        .map(ObservationEntry::resource)
        .filter(Observation::hasValueCodeableConcept)
        .filter(o -> o.getValueCodeableConcept().getCoding().stream()
            .anyMatch(c -> Codes.ICDO3.equals(c.getSystem()) && Histology.SARCOMATOID.icdO3().equals(c.getCode())))
        .findFirst()
        .map(o -> Fact.of(true, ConditionReader.ref(o)))
        .orElse(Fact.unknown());
  }

  Fact<Integer> tnm(Set<String> loincCodes, Pattern pattern) {
    return latest(e -> e.hasCode(Codes.LOINC, loincCodes), o -> true)
        .flatMap(o -> firstMatch(o, pattern).map(v -> Fact.of(v, ConditionReader.ref(o))))
        .orElse(Fact.unknown());
  }

  private Optional<Observation> latestRecent(Set<String> codes) {
    return latest(e -> e.hasCode(Codes.LOINC, codes) && recent(e), o -> true);
  }

  /** The latest Observation chosen by {@code select} (codes, date) whose content passes {@code content}. */
  private Optional<Observation> latest(java.util.function.Predicate<ObservationEntry> select,
      java.util.function.Predicate<Observation> content) {
    return observations.stream().filter(select).sorted(LATEST_FIRST).map(ObservationEntry::resource).filter(content).findFirst();
  }

  private boolean recent(ObservationEntry e) {
    LocalDate date = e.effective();
    return date != null && !date.isBefore(lookbackStart);
  }

  static LocalDate effective(Observation o) {
    if (o.hasEffective()) {
      LocalDate d = FhirDates.of(o.getEffective());
      if (d != null) {
        return d;
      }
    }
    return o.hasIssued() ? FhirDates.of(o.getIssuedElement()) : null;
  }

  private static Optional<Integer> integerValue(Observation o) {
    if (o.hasValueIntegerType()) {
      return Optional.ofNullable(o.getValueIntegerType().getValue());
    }
    if (o.hasValueQuantity() && o.getValueQuantity().hasValue()) {
      try {
        return Optional.of(o.getValueQuantity().getValue().intValueExact());
      } catch (ArithmeticException notAWholeScore) {
        // 1.5 or 1e999 is no score; intValue() would have read 1e999 as 0
        return Optional.empty();
      }
    }
    if (o.hasValueCodeableConcept()) {
      for (Coding c : o.getValueCodeableConcept().getCoding()) {
        Matcher m = BARE_DIGIT.matcher(String.valueOf(c.getCode()));
        if (m.matches()) {
          return Optional.of(Integer.parseInt(m.group(1)));
        }
      }
    }
    return Optional.empty();
  }

  private static Optional<Integer> gradeValue(Observation o) {
    if (o.hasValueIntegerType() && o.getValueIntegerType().getValue() != null) {
      int g = o.getValueIntegerType().getValue();
      return g >= 1 && g <= 4 ? Optional.of(g) : Optional.empty();
    }
    Optional<Integer> fromText = firstMatch(o, GRADE);
    if (fromText.isPresent()) {
      return fromText;
    }
    for (String text : texts(o)) {
      Matcher m = Pattern.compile("^\\s*([1-4])\\s*$").matcher(text);
      if (m.matches()) {
        return Optional.of(Integer.parseInt(m.group(1)));
      }
    }
    return Optional.empty();
  }

  private static Optional<Integer> firstMatch(Observation o, Pattern pattern) {
    for (String text : texts(o)) {
      Matcher m = pattern.matcher(text);
      if (m.find()) {
        return Optional.of(Integer.parseInt(m.group(1)));
      }
    }
    return Optional.empty();
  }

  private static List<String> texts(Observation o) {
    java.util.ArrayList<String> out = new java.util.ArrayList<>();
    if (o.hasValueCodeableConcept()) {
      CodeableConcept cc = o.getValueCodeableConcept();
      cc.getCoding().forEach(c -> {
        if (c.hasCode()) {
          out.add(c.getCode());
        }
        if (c.hasDisplay()) {
          out.add(c.getDisplay());
        }
      });
      if (cc.hasText()) {
        out.add(cc.getText());
      }
    }
    if (o.hasValueStringType()) {
      out.add(o.getValueStringType().getValue());
    }
    return out;
  }

  private Optional<LabValue> toLabValue(Lab lab, Observation o, String sex, ReferenceRangeDefaults defaults) {
    Quantity q = o.getValueQuantity();
    if (!q.hasValue()) {
      return Optional.empty();
    }
    String unit = unitOf(q);
    Optional<Double> value = Units.toCanonical(lab, q.getValue().doubleValue(), unit);
    if (value.isEmpty()) {
      return Optional.empty();
    }
    Fact<Double> low = Fact.unknown();
    Fact<Double> high = Fact.unknown();
    String ref = ConditionReader.ref(o);
    if (o.hasReferenceRange()) {
      ObservationReferenceRangeComponent range = o.getReferenceRangeFirstRep();
      low = limit(lab, range.getLow(), unit, ref);
      high = limit(lab, range.getHigh(), unit, ref);
    }
    Optional<ReferenceRangeDefaults.Range> fallback = defaults.find(lab, sex);
    if (!low.isKnown() && fallback.isPresent() && fallback.get().low() != null) {
      low = Fact.of(fallback.get().low(), "configured default");
    }
    if (!high.isKnown() && fallback.isPresent() && fallback.get().high() != null) {
      high = Fact.of(fallback.get().high(), "configured default");
    }
    return Optional.of(new LabValue(value.get(), low, high, effective(o), ref));
  }

  private static Fact<Double> limit(Lab lab, Quantity q, String valueUnit, String ref) {
    if (q == null || !q.hasValue()) {
      return Fact.unknown();
    }
    String unit = q.hasCode() || q.hasUnit() ? unitOf(q) : valueUnit;
    return Units.toCanonical(lab, q.getValue().doubleValue(), unit).map(v -> Fact.of(v, ref)).orElse(Fact.unknown());
  }

  private static String unitOf(Quantity q) {
    return q.hasCode() ? q.getCode() : q.getUnit();
  }
}
