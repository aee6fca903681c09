package org.metastasectomy.cds.reading;

import java.time.LocalDate;
import java.time.Period;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Patient;
import org.metastasectomy.cds.intake.PrefetchKeys;
import org.metastasectomy.cds.model.Fact;
import org.metastasectomy.cds.model.Histology;
import org.metastasectomy.cds.model.Lab;
import org.metastasectomy.cds.model.LabValue;
import org.metastasectomy.cds.model.Metastasis;
import org.metastasectomy.cds.model.PatientFeatures;
import org.metastasectomy.cds.model.Reason;
import org.metastasectomy.cds.model.SystemicTherapy;

/** Maps a patient's FHIR R4 resources to the model's features. The mapping table is in fhir-profiles/README.md. */
public final class PatientFeatureMapper {
  private static final Pattern T = Pattern.compile("(?i)(?:^|[^A-Z])(?:c|p|yp|yc)?T([0-4])");
  private static final Pattern N = Pattern.compile("(?i)(?:^|[^A-Z])(?:c|p|yp|yc)?N([0-3])");
  private static final Pattern M = Pattern.compile("(?i)(?:^|[^A-Z])(?:c|p|yp|yc)?M([01])");

  /**
   * Days after the assessment date a date may lie and still count (an EHR clock or timezone a day ahead); anything later
   * is ignored and listed. Not a clinical threshold.
   */
  public static final int CLOCK_SKEW_DAYS = 1;

  private final int lookbackDays;
  private final ReferenceRangeDefaults defaults;

  public PatientFeatureMapper(int lookbackDays, ReferenceRangeDefaults defaults) {
    this.lookbackDays = lookbackDays;
    this.defaults = defaults;
  }

  /** Cheap first look: does this patient have a renal cell carcinoma at all? (no Observation is parsed for it). */
  public static boolean hasRcc(List<Condition> conditions) {
    return ConditionReader.primary(conditions).isPresent();
  }

  public PatientFeatures map(PatientRecord r, LocalDate asOf) {
    FutureDates dates = new FutureDates(asOf);
    Optional<Condition> primary = ConditionReader.primary(r.conditions());
    Fact<LocalDate> diagnosis = primary
        .map(c -> dates.fact(ConditionReader.diagnosisDate(c), ConditionReader.ref(c)))
        .orElse(Fact.unknown());
    List<Metastasis> metastases = ConditionReader.metastases(r.conditions(), dates);
    ObservationReader obs = new ObservationReader(r.observations(), dates, asOf, lookbackDays);
    String sex = r.patient() != null && r.patient().hasGender() ? r.patient().getGender().toCode() : null;
    Fact<Integer> age = age(r.patient(), asOf);
    // What an unreadable key would have held is unknown as "not fetched", never as "not recorded".
    Reason noObservations = r.why(PrefetchKeys.OBSERVATIONS);
    Reason noProcedures = r.why(PrefetchKeys.PROCEDURES);

    Fact<Histology> histology = primary.map(ConditionReader::histology).filter(Fact::isKnown)
        .orElse(obs.histology().orUnknownBecause(noObservations));
    Set<String> metastasisRefs = metastases.stream().map(Metastasis::source).collect(Collectors.toSet());
    Map<Lab, Fact<LabValue>> labs = new EnumMap<>(obs.labs(sex, age.isKnown() ? age.value() : null, defaults));
    if (noObservations instanceof Reason.NotFetched) {
      for (Lab lab : Lab.values()) {
        labs.putIfAbsent(lab, Fact.unknown(noObservations));
      }
    }
    Reason noMedications = r.why(PrefetchKeys.MEDICATIONS);
    Fact<List<SystemicTherapy>> therapies = noMedications instanceof Reason.NotFetched
        ? Fact.unknown(noMedications)
        : Fact.of(TherapyReader.systemicTherapies(r.medicationRequests(), r.medicationAdministrations(), dates), List.of());
    Fact<Boolean> sarcomatoid = primary.filter(ConditionReader::reportsSarcomatoid)
        .map(c -> Fact.of(true, ConditionReader.ref(c)))
        .orElse(obs.sarcomatoidReported().orUnknownBecause(noObservations));
    Fact<LocalDate> nephrectomy = TherapyReader.nephrectomy(r.procedures(), dates).orUnknownBecause(noProcedures);
    Fact<LocalDate> tumourBoard = TherapyReader.lastTumourBoard(r.serviceRequests(), r.procedures(), dates)
        .orUnknownBecause(r.why(PrefetchKeys.TUMOUR_BOARD, PrefetchKeys.PROCEDURES));
    obs.listIgnored();

    return new PatientFeatures(
        asOf,
        age,
        sex == null ? Fact.unknown() : Fact.of(sex, ConditionReader.ref(r.patient())),
        primary.isPresent(),
        primary.map(c -> List.of(ConditionReader.ref(c))).orElse(List.of()),
        diagnosis,
        histology,
        sarcomatoid,
        obs.grade().orUnknownBecause(noObservations),
        obs.tnm(Codes.T_CATEGORY, T).orUnknownBecause(noObservations),
        obs.tnm(Codes.N_CATEGORY, N).orUnknownBecause(noObservations),
        obs.tnm(Codes.M_CATEGORY, M).orUnknownBecause(noObservations),
        metastases,
        nephrectomy,
        TherapyReader.nephrectomyRecorded(r.procedures(), dates),
        TherapyReader.metastasectomies(r.procedures(), metastasisRefs, dates),
        obs.ecog().orUnknownBecause(noObservations),
        obs.karnofsky().orUnknownBecause(noObservations),
        labs,
        therapies,
        tumourBoard,
        r.notFetched(),
        dates.ignored());
  }

  private static Fact<Integer> age(Patient patient, LocalDate asOf) {
    if (patient == null || !patient.hasBirthDate()) {
      return Fact.unknown();
    }
    LocalDate birth = FhirDates.of(patient.getBirthDateElement());
    return Fact.of(Period.between(birth, asOf).getYears(), ConditionReader.ref(patient));
  }
}
