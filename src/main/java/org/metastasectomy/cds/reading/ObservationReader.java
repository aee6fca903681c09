package org.metastasectomy.cds.reading;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.hl7.fhir.r4.model.Observation;
import org.metastasectomy.cds.model.Datum;
import org.metastasectomy.cds.model.Fact;
import org.metastasectomy.cds.model.Histology;
import org.metastasectomy.cds.model.Item;
import org.metastasectomy.cds.model.Lab;
import org.metastasectomy.cds.model.LabValue;
import org.metastasectomy.cds.model.Reason;
import org.metastasectomy.cds.model.Sources;

/**
 * Reads performance status, labs, grade, histology and TNM from Observations. Only final, amended and corrected
 * results count; the latest wins; one dated after today (beyond the clock-skew allowance) is ignored and listed.
 * Performance status and labs older than the look-back are not used, and then say so (the last value and its date);
 * a preliminary result alone is not used either, and says so (value and date) instead of reading as not recorded.
 * Entered-in-error and cancelled results never count and never show. (Over 200 lines on purpose: every Observation
 * the model reads shares one status, date, future-date and look-back filter, which must not drift apart.)
 */
final class ObservationReader {
  private static final Set<String> USABLE_CODES = Set.of("final", "amended", "corrected");
  /** Latest first; entries with equal dates keep their order (the first one wins, as a max over the list would). */
  private static final Comparator<ObservationEntry> LATEST_FIRST =
      Comparator.comparing((ObservationEntry e) -> Optional.ofNullable(e.effective()).orElse(LocalDate.MIN)).reversed();

  private static final String PRELIMINARY = "preliminary";

  private final List<ObservationEntry> observations;
  private final List<ObservationEntry> preliminary;
  private final List<ObservationEntry> future;
  private final FutureDates dates;
  private final LocalDate lookbackStart;
  private final int lookbackDays;

  ObservationReader(List<ObservationEntry> observations, FutureDates dates, LocalDate asOf, int lookbackDays) {
    this.dates = dates;
    this.observations = observations.stream()
        .filter(o -> USABLE_CODES.contains(o.status()) && !dates.isFuture(o.effective())).toList();
    this.preliminary = observations.stream()
        .filter(o -> PRELIMINARY.equals(o.status()) && !dates.isFuture(o.effective())).toList();
    this.future = observations.stream()
        .filter(o -> USABLE_CODES.contains(o.status()) && dates.isFuture(o.effective())).toList();
    this.lookbackStart = asOf.minusDays(lookbackDays);
    this.lookbackDays = lookbackDays;
  }

  Fact<Integer> ecog() {
    return score(Codes.ECOG, Item.ECOG, null);
  }

  Fact<Integer> karnofsky() {
    return score(Codes.KARNOFSKY, Item.KARNOFSKY, "%");
  }

  /** The latest recent score; with none recent, unknown — outside the look-back when an older one exists. */
  private Fact<Integer> score(String loinc, Item item, String unit) {
    Predicate<ObservationEntry> coded = e -> e.hasCode(Codes.LOINC, Set.of(loinc));
    Optional<Observation> recent = latest(coded.and(this::recent), o -> true);
    if (recent.isPresent()) {
      Observation o = recent.get();
      return ObservationValues.integer(o).map(v -> Fact.of(v, ConditionReader.ref(o), effective(o))).orElse(Fact.unknown());
    }
    Function<Observation, Optional<Datum>> datum = o -> ObservationValues.integer(o)
        .map(v -> Datum.of(item, v, unit, effective(o), Sources.of(ConditionReader.ref(o))));
    return this.<Integer>preliminaryOnly(coded, datum)
        .orElseGet(() -> this.<Integer>olderThanLookback(coded, datum).orUnknownBecause(futureOnly(coded)));
  }

  /** Each lab's latest recent result that has a value in a known unit; for the others, why there is none. */
  Map<Lab, Fact<LabValue>> labs(String sex, Integer ageYears, ReferenceRangeDefaults defaults) {
    LabResults results = new LabResults(sex, ageYears, defaults);
    Map<Lab, Fact<LabValue>> out = new EnumMap<>(Lab.class);
    for (Lab lab : Lab.values()) {
      Set<String> codes = Codes.LAB_LOINC.entrySet().stream().filter(e -> e.getValue() == lab).map(Map.Entry::getKey)
          .collect(Collectors.toSet());
      Predicate<ObservationEntry> coded = e -> e.hasCode(Codes.LOINC, codes);
      Function<Observation, Optional<LabValue>> value = o -> o.hasValueQuantity() ? results.read(lab, o) : Optional.empty();
      Optional<LabValue> recent = values(coded.and(this::recent), value).findFirst();
      if (recent.isPresent()) {
        out.put(lab, Fact.of(recent.get(), recent.get().source(), recent.get().date()));
      } else {
        Function<Observation, Optional<Datum>> datum = o -> value.apply(o)
            .map(v -> Datum.of(lab, v.value(), lab.canonicalUnit(), v.date(), Sources.of(v.source())));
        Fact<LabValue> older = this.<LabValue>preliminaryOnly(coded, datum)
            .orElseGet(() -> this.<LabValue>olderThanLookback(coded, datum).orUnknownBecause(futureOnly(coded)));
        if (older.isKnown() || !(older.why() instanceof Reason.NotRecorded)) {
          out.put(lab, older);
        }
      }
    }
    return out;
  }

  /** Grade and histology describe the tumour at diagnosis: no look-back. */
  Fact<Integer> grade() {
    return latest(e -> e.hasCode(Codes.NCIT, Set.of(Codes.GRADE_NCIT)), o -> true)
        .flatMap(o -> ObservationValues.grade(o).map(v -> Fact.of(v, ConditionReader.ref(o), effective(o))))
        .orElse(Fact.unknown());
  }

  /** The latest subtype reported; 8318/3 (sarcomatoid) is a feature of any subtype, not a subtype, so it is skipped. */
  Fact<Histology> histology() {
    return values(e -> e.hasCode(Codes.LOINC, Codes.HISTOLOGY_OBSERVATION), o -> !o.hasValueCodeableConcept()
        ? Optional.<Fact<Histology>>empty()
        : o.getValueCodeableConcept().getCoding().stream()
            .filter(c -> Codes.ICDO3.equals(c.getSystem()))
            .map(c -> Histology.fromIcdO3(c.getCode()))
            .filter(h -> h != null && h != Histology.SARCOMATOID)
            .findFirst()
            .map(h -> Fact.of(h, ConditionReader.ref(o), effective(o))))
        .findFirst().orElse(Fact.unknown());
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
        .map(o -> Fact.of(true, ConditionReader.ref(o), effective(o)))
        .orElse(Fact.unknown());
  }

  Fact<Integer> tnm(Set<String> loincCodes, Pattern pattern) {
    return latest(e -> e.hasCode(Codes.LOINC, loincCodes), o -> true)
        .flatMap(o -> ObservationValues.firstMatch(o, pattern).map(v -> Fact.of(v, ConditionReader.ref(o), effective(o))))
        .orElse(Fact.unknown());
  }

  /** The latest Observation chosen by {@code select} (codes, date) whose content passes {@code content}. */
  private Optional<Observation> latest(Predicate<ObservationEntry> select, Predicate<Observation> content) {
    return observations.stream().filter(select).sorted(LATEST_FIRST).map(ObservationEntry::resource).filter(content).findFirst();
  }

  /** The values of the selected Observations, latest first, parsing only as far as the caller reads. */
  private <T> Stream<T> values(Predicate<ObservationEntry> select, Function<Observation, Optional<T>> value) {
    return observations.stream().filter(select).sorted(LATEST_FIRST).map(ObservationEntry::resource)
        .map(value).flatMap(Optional::stream);
  }

  /** Unknown as preliminary (its value and date) when no final result is recent but a preliminary one is. */
  private <T> Optional<Fact<T>> preliminaryOnly(Predicate<ObservationEntry> coded, Function<Observation, Optional<Datum>> value) {
    return preliminary.stream().filter(coded.and(this::recent)).sorted(LATEST_FIRST).map(ObservationEntry::resource)
        .map(value).flatMap(Optional::stream).findFirst()
        .map(d -> Fact.<T>unknown(new Reason.Preliminary(d)));
  }

  /** Future-dated (the earliest such result, listed as ignored) when only results dated after today exist. */
  private Reason futureOnly(Predicate<ObservationEntry> coded) {
    return future.stream().filter(coded)
        .min(Comparator.comparing(ObservationEntry::effective))
        .map(e -> {
          String ref = ConditionReader.ref(e.resource());
          dates.usable(e.effective(), ref);
          return (Reason) new Reason.FutureDated(e.effective(), ref);
        })
        .orElse(Reason.NOT_RECORDED);
  }

  /** Lists every future-dated result of a code the model reads as ignored, with its date. */
  void listIgnored() {
    future.stream().filter(ObservationReader::readByTheModel)
        .forEach(e -> dates.usable(e.effective(), ConditionReader.ref(e.resource())));
  }

  private static boolean readByTheModel(ObservationEntry e) {
    return e.hasCode(Codes.LOINC, Codes.LAB_LOINC.keySet()) || e.hasCode(Codes.LOINC, Set.of(Codes.ECOG, Codes.KARNOFSKY))
        || e.hasCode(Codes.LOINC, Codes.HISTOLOGY_OBSERVATION) || e.hasCode(Codes.LOINC, Codes.T_CATEGORY)
        || e.hasCode(Codes.LOINC, Codes.N_CATEGORY) || e.hasCode(Codes.LOINC, Codes.M_CATEGORY)
        || e.hasCode(Codes.NCIT, Set.of(Codes.GRADE_NCIT));
  }

  /** Unknown: outside the look-back with the latest older value when there is one, else not recorded. */
  private <T> Fact<T> olderThanLookback(Predicate<ObservationEntry> coded, Function<Observation, Optional<Datum>> value) {
    return values(coded.and(this::beforeLookback), value).findFirst()
        .map(last -> Fact.<T>unknown(new Reason.OutsideLookback(last, lookbackDays)))
        .orElse(Fact.unknown());
  }

  private boolean recent(ObservationEntry e) {
    LocalDate date = e.effective();
    return date != null && !date.isBefore(lookbackStart);
  }

  private boolean beforeLookback(ObservationEntry e) {
    return e.effective() != null && e.effective().isBefore(lookbackStart);
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
}
