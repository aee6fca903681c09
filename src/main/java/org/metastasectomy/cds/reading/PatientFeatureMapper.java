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

/** Maps a patient's FHIR R4 resources to the model's features. The mapping table is in fhir-profiles/README.md. */
public final class PatientFeatureMapper {
  private static final Pattern T = Pattern.compile("(?i)(?:^|[^A-Z])(?:c|p|yp|yc)?T([0-4])");
  private static final Pattern N = Pattern.compile("(?i)(?:^|[^A-Z])(?:c|p|yp|yc)?N([0-3])");
  private static final Pattern M = Pattern.compile("(?i)(?:^|[^A-Z])(?:c|p|yp|yc)?M([01])");

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
    Optional<Condition> primary = ConditionReader.primary(r.conditions());
    Fact<LocalDate> diagnosis = primary.map(c -> {
      LocalDate d = ConditionReader.diagnosisDate(c);
      return d == null ? Fact.<LocalDate>unknown() : Fact.of(d, ConditionReader.ref(c));
    }).orElse(Fact.unknown());
    List<Metastasis> metastases = ConditionReader.metastases(r.conditions());
    ObservationReader obs = new ObservationReader(r.observations(), asOf, lookbackDays);
    String sex = r.patient() != null && r.patient().hasGender() ? r.patient().getGender().toCode() : null;
    // What an unreadable key would have held is unknown as "not fetched", never as "not recorded".
    Reason noObservations = r.why(PrefetchKeys.OBSERVATIONS);
    Reason noProcedures = r.why(PrefetchKeys.PROCEDURES);

    Fact<Histology> histology = primary.map(ConditionReader::histology).filter(Fact::isKnown)
        .orElse(obs.histology().orUnknownBecause(noObservations));
    Set<String> metastasisRefs = metastases.stream().map(Metastasis::source).collect(Collectors.toSet());
    Map<Lab, Fact<LabValue>> labs = new EnumMap<>(obs.labs(sex, defaults));
    if (noObservations instanceof Reason.NotFetched) {
      for (Lab lab : Lab.values()) {
        labs.putIfAbsent(lab, Fact.unknown(noObservations));
      }
    }
    Fact<LocalDate> therapyStart = TherapyReader.systemicTherapyStart(r.medicationRequests(), r.medicationAdministrations())
        .orUnknownBecause(r.why(PrefetchKeys.MEDICATIONS));

    return new PatientFeatures(
        asOf,
        age(r.patient(), asOf),
        sex == null ? Fact.unknown() : Fact.of(sex, ConditionReader.ref(r.patient())),
        primary.isPresent(),
        diagnosis,
        histology,
        sarcomatoid(histology, obs.sarcomatoidReported()),
        obs.grade().orUnknownBecause(noObservations),
        obs.tnm(Codes.T_CATEGORY, T).orUnknownBecause(noObservations),
        obs.tnm(Codes.N_CATEGORY, N).orUnknownBecause(noObservations),
        obs.tnm(Codes.M_CATEGORY, M).orUnknownBecause(noObservations),
        metastases,
        TherapyReader.nephrectomy(r.procedures()).orUnknownBecause(noProcedures),
        TherapyReader.metastasectomies(r.procedures(), metastasisRefs),
        obs.ecog().orUnknownBecause(noObservations),
        obs.karnofsky().orUnknownBecause(noObservations),
        labs,
        therapyStart,
        TherapyReader.lastTumourBoard(r.serviceRequests(), r.procedures())
            .orUnknownBecause(r.why(PrefetchKeys.TUMOUR_BOARD, PrefetchKeys.PROCEDURES)),
        r.notFetched());
  }

  /** Sarcomatoid if 8318/3 is reported anywhere; not sarcomatoid only when a specific other histology is known. */
  private static Fact<Boolean> sarcomatoid(Fact<Histology> histology, Fact<Boolean> reported) {
    if (reported.isKnown()) {
      return reported;
    }
    if (!histology.isKnown()) {
      return Fact.unknown(histology.why());
    }
    if (histology.value() == Histology.RCC_NOS) {
      return Fact.unknown(new Reason.NotSpecific(Histology.RCC_NOS));
    }
    return Fact.of(histology.value() == Histology.SARCOMATOID, histology.source());
  }

  private static Fact<Integer> age(Patient patient, LocalDate asOf) {
    if (patient == null || !patient.hasBirthDate()) {
      return Fact.unknown();
    }
    LocalDate birth = FhirDates.of(patient.getBirthDateElement());
    return Fact.of(Period.between(birth, asOf).getYears(), ConditionReader.ref(patient));
  }
}
