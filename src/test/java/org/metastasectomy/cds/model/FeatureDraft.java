package org.metastasectomy.cds.model;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * A mutable, nullable description of a patient for property tests (null = not recorded), turned into the model's
 * PatientFeatures. Each field can be filled in independently, which is what "adding data" means in the properties.
 */
public final class FeatureDraft {
  static final LocalDate AS_OF = LocalDate.of(2026, 11, 27);

  Integer age;
  LocalDate diagnosis;
  Histology histology;
  Integer grade;
  Integer t;
  Integer n;
  List<MetastasisDraft> metastases = List.of();
  LocalDate nephrectomy;
  Integer ecog;
  Integer kps;
  Map<Lab, LabDraft> labs = new EnumMap<>(Lab.class);
  LocalDate therapyStart;
  boolean medicationsKnown;

  record MetastasisDraft(Site site, LocalDate onset, Integer lesions) {}

  record LabDraft(Double value, Double low, Double high) {}

  FeatureDraft copy() {
    FeatureDraft d = new FeatureDraft();
    d.age = age;
    d.diagnosis = diagnosis;
    d.histology = histology;
    d.grade = grade;
    d.t = t;
    d.n = n;
    d.metastases = List.copyOf(metastases);
    d.nephrectomy = nephrectomy;
    d.ecog = ecog;
    d.kps = kps;
    d.labs = new EnumMap<>(Lab.class);
    d.labs.putAll(labs);
    d.therapyStart = therapyStart;
    d.medicationsKnown = medicationsKnown;
    return d;
  }

  public PatientFeatures features() {
    Map<Lab, LabValue> labValues = new EnumMap<>(Lab.class);
    labs.forEach((lab, v) -> {
      if (v.value() != null) {
        labValues.put(lab, new LabValue(v.value(), fact(v.low()), fact(v.high()), AS_OF.minusDays(3), "Observation/" + lab));
      }
    });
    List<Metastasis> mets = metastases.stream()
        .map(m -> new Metastasis(m.site(), fact(m.onset()), true, fact(m.lesions()), "Condition/" + m.site()))
        .toList();
    Fact<Boolean> sarcomatoid = histology == null || histology == Histology.RCC_NOS
        ? Fact.unknown() : Fact.of(histology == Histology.SARCOMATOID, "Condition/primary");
    return new PatientFeatures(AS_OF, fact(age), Fact.unknown(), true, fact(diagnosis), fact(histology), sarcomatoid,
        fact(grade), fact(t), fact(n), Fact.unknown(), mets, fact(nephrectomy), List.of(), fact(ecog), fact(kps), labValues,
        fact(therapyStart), medicationsKnown, Fact.unknown(), Set.of());
  }

  private static <T> Fact<T> fact(T value) {
    return value == null ? Fact.unknown() : Fact.of(value, "test");
  }
  /** Random metastatic RCC patients with any mix of recorded and missing data. */
  public static Arbitrary<FeatureDraft> arbitrary() {
    Arbitrary<FeatureDraft.MetastasisDraft> metastasis = Combinators.combine(
        Arbitraries.of(Site.class), ModelProperties.dates().injectNull(0.3), Arbitraries.integers().between(1, 9).injectNull(0.4))
        .as(FeatureDraft.MetastasisDraft::new);
    Arbitrary<FeatureDraft.LabDraft> lab = Combinators.combine(
        Arbitraries.doubles().between(0.1, 600).ofScale(1), Arbitraries.doubles().between(0.1, 20).ofScale(1).injectNull(0.3),
        Arbitraries.doubles().between(1, 500).ofScale(1).injectNull(0.3))
        .as(FeatureDraft.LabDraft::new);
    Arbitrary<Map<Lab, FeatureDraft.LabDraft>> labs = Arbitraries.maps(Arbitraries.of(Lab.class), lab).ofMaxSize(8);
    return Combinators.combine(
        Arbitraries.integers().between(25, 90).injectNull(0.2),
        ModelProperties.dates().injectNull(0.2),
        Arbitraries.of(Histology.class).injectNull(0.3),
        Arbitraries.integers().between(1, 4).injectNull(0.3),
        Arbitraries.integers().between(1, 4).injectNull(0.3),
        metastasis.list().ofMinSize(1).ofMaxSize(4),
        Arbitraries.integers().between(0, 4).injectNull(0.3),
        labs)
        .as((age, dx, hist, grade, t, mets, ecog, labMap) -> {
          FeatureDraft d = draft(age, dx, hist, grade, t, mets, ecog, labMap);
          d.medicationsKnown = age != null && age % 2 == 0;
          return d;
        });
  }

  private static FeatureDraft draft(Integer age, LocalDate dx, Histology hist, Integer grade, Integer t,
      List<FeatureDraft.MetastasisDraft> mets, Integer ecog, Map<Lab, FeatureDraft.LabDraft> labMap) {
    FeatureDraft d = new FeatureDraft();
    d.age = age;
    d.diagnosis = dx;
    d.histology = hist;
    d.grade = grade;
    d.t = t;
    d.metastases = mets;
    d.ecog = ecog;
    d.labs.putAll(labMap);
    return d;
  }

}
