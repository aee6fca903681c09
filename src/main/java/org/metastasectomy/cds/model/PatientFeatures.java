package org.metastasectomy.cds.model;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Everything the model reads about one patient, already mapped from FHIR. Unknown values are {@link Fact#unknown()}.
 *
 * @param labs the latest usable result of each laboratory value, or why there is none
 * @param notFetched the data that could be had neither by prefetch nor from the EHR's FHIR server, in plain words
 */
public record PatientFeatures(
    LocalDate asOf,
    Fact<Integer> ageYears,
    Fact<String> sex,
    boolean rcc,
    Fact<LocalDate> diagnosisDate,
    Fact<Histology> histology,
    Fact<Boolean> sarcomatoid,
    Fact<Integer> grade,
    Fact<Integer> tStage,
    Fact<Integer> nStage,
    Fact<Integer> mStage,
    List<Metastasis> metastases,
    Fact<LocalDate> nephrectomyDate,
    List<Fact<LocalDate>> metastasectomies,
    Fact<Integer> ecog,
    Fact<Integer> kps,
    Map<Lab, Fact<LabValue>> labs,
    Fact<LocalDate> systemicTherapyStart,
    Fact<LocalDate> lastTumourBoard,
    List<Reason.NotFetched> notFetched) {

  public PatientFeatures {
    metastases = List.copyOf(metastases);
    metastasectomies = List.copyOf(metastasectomies);
    labs = labs.isEmpty() ? Map.of() : new EnumMap<>(labs);
    notFetched = List.copyOf(notFetched);
  }

  public List<Metastasis> currentMetastases() {
    return metastases.stream().filter(Metastasis::active).toList();
  }

  public Set<Site> currentSites() {
    Set<Site> sites = EnumSet.noneOf(Site.class);
    currentMetastases().forEach(m -> sites.add(m.site()));
    return sites;
  }

  /** Metastatic when a current metastasis is recorded, or the M category is M1. */
  public boolean metastatic() {
    return rcc && (!currentMetastases().isEmpty() || (mStage.isKnown() && mStage.value() >= 1));
  }

  public Fact<LabValue> lab(Lab lab) {
    return labs.getOrDefault(lab, Fact.unknown());
  }

  /** Whether the medication history was read: with it, no systemic therapy recorded means untreated. */
  public boolean medicationHistoryAvailable() {
    return !(systemicTherapyStart.why() instanceof Reason.NotFetched);
  }
}
