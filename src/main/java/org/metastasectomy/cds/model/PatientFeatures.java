package org.metastasectomy.cds.model;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Everything the model reads about one patient, already mapped from FHIR. Unknown values are {@link Fact#unknown()}.
 *
 * @param medicationHistoryAvailable whether the patient's medication orders were read (no therapy then means untreated)
 * @param unavailableData prefetch keys whose data could be had neither by prefetch nor from the FHIR server
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
    Map<Lab, LabValue> labs,
    Fact<LocalDate> systemicTherapyStart,
    boolean medicationHistoryAvailable,
    Fact<LocalDate> lastTumourBoard,
    Set<String> unavailableData) {

  public PatientFeatures {
    metastases = List.copyOf(metastases);
    metastasectomies = List.copyOf(metastasectomies);
    labs = labs.isEmpty() ? Map.of() : new EnumMap<>(labs);
    unavailableData = Set.copyOf(new TreeSet<>(unavailableData));
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
    LabValue value = labs.get(lab);
    return value == null ? Fact.unknown() : Fact.of(value, value.source());
  }

  public String sitesText() {
    return currentSites().stream().map(Site::label).collect(Collectors.joining(", "));
  }
}
