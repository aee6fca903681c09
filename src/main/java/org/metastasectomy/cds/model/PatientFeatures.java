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
 * @param primaryConditions references of the primary RCC Conditions (an order's reason may point at one)
 * @param nephrectomyRecorded whether a completed nephrectomy is recorded, dated or not
 * @param labs the latest usable result of each laboratory value, or why there is none
 * @param systemicTherapies the RCC systemic therapies started; unknown when the medication history could not be read
 * @param notFetched the data that could be had neither by prefetch nor from the EHR's FHIR server, in plain words
 * @param ignored data dated after the assessment date (beyond the clock-skew allowance): not used, listed with its date
 */
public record PatientFeatures(
    LocalDate asOf,
    Fact<Integer> ageYears,
    Fact<String> sex,
    boolean rcc,
    List<String> primaryConditions,
    Fact<LocalDate> diagnosisDate,
    Fact<Histology> histology,
    Fact<Boolean> sarcomatoid,
    Fact<Integer> grade,
    Fact<Integer> tStage,
    Fact<Integer> nStage,
    Fact<Integer> mStage,
    List<Metastasis> metastases,
    Fact<LocalDate> nephrectomyDate,
    boolean nephrectomyRecorded,
    List<Metastasectomy> metastasectomies,
    Fact<Integer> ecog,
    Fact<Integer> kps,
    Map<Lab, Fact<LabValue>> labs,
    Fact<List<SystemicTherapy>> systemicTherapies,
    Fact<LocalDate> lastTumourBoard,
    List<Reason.NotFetched> notFetched,
    List<Reason.FutureDated> ignored) {

  public PatientFeatures {
    primaryConditions = List.copyOf(primaryConditions);
    metastases = List.copyOf(metastases);
    metastasectomies = List.copyOf(metastasectomies);
    labs = labs.isEmpty() ? Map.of() : new EnumMap<>(labs);
    notFetched = List.copyOf(notFetched);
    ignored = List.copyOf(ignored);
  }

  public List<Metastasis> currentMetastases() {
    return metastases.stream().filter(Metastasis::active).toList();
  }

  public Set<Site> currentSites() {
    Set<Site> sites = EnumSet.noneOf(Site.class);
    currentMetastases().forEach(m -> sites.add(m.site()));
    return sites;
  }

  /**
   * Metastatic when a current metastasis is recorded, or the M category is M1 and no metastasis Condition says
   * otherwise. A patient with historic M1 whose every metastasis Condition is resolved, inactive or in remission is
   * disease-free: there is nothing to resect.
   */
  public boolean metastatic() {
    return rcc && (!currentMetastases().isEmpty() || (m1() && metastases.isEmpty()));
  }

  /** The M category is M1 (distant metastasis at staging). */
  public boolean m1() {
    return mStage.isKnown() && mStage.value() >= 1;
  }

  /**
   * Initial staging is under way: no nephrectomy and no systemic therapy recorded, both from a chart that could be
   * read (never assumed when procedures or medications could not be had).
   */
  public boolean initialStagingUnderWay() {
    return !nephrectomyRecorded && !(nephrectomyDate.why() instanceof Reason.NotFetched)
        && systemicTherapies.isKnown() && systemicTherapies.value().isEmpty();
  }

  public Fact<LabValue> lab(Lab lab) {
    return labs.getOrDefault(lab, Fact.unknown());
  }

  /** Whether the medication history was read: with it, no systemic therapy recorded means untreated. */
  public boolean medicationHistoryAvailable() {
    return systemicTherapies.isKnown();
  }
}
