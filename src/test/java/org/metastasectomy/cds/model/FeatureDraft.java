package org.metastasectomy.cds.model;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.ArrayList;
import java.util.Random;
import org.metastasectomy.cds.support.ForAll;

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
  /** Why ECOG is unknown when {@link #ecog} is null (not recorded unless set). */
  Reason ecogWhy = Reason.NOT_RECORDED;
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
    d.ecogWhy = ecogWhy;
    d.labs = new EnumMap<>(Lab.class);
    d.labs.putAll(labs);
    d.therapyStart = therapyStart;
    d.medicationsKnown = medicationsKnown;
    return d;
  }

  public PatientFeatures features() {
    Map<Lab, Fact<LabValue>> labValues = new EnumMap<>(Lab.class);
    labs.forEach((lab, v) -> {
      if (v.value() != null) {
        LabValue value = new LabValue(v.value(), fact(v.low()), fact(v.high()), AS_OF.minusDays(3), "Observation/" + lab);
        labValues.put(lab, Fact.of(value, value.source(), value.date()));
      }
    });
    List<Metastasis> mets = metastases.stream()
        .map(m -> new Metastasis(m.site(), fact(m.onset()), DiseaseStatus.ACTIVE, fact(m.lesions()), "Condition/" + m.site()))
        .toList();
    // Sarcomatoid only when reported (8318/3); never inferred from another subtype.
    Fact<Boolean> sarcomatoid = histology == Histology.SARCOMATOID ? Fact.of(true, "Condition/primary") : Fact.unknown();
    Fact<Histology> subtype = histology == Histology.SARCOMATOID ? Fact.unknown() : fact(histology);
    return new PatientFeatures(AS_OF, fact(age), Fact.unknown(), true, List.of("Condition/primary"), fact(diagnosis),
        subtype, sarcomatoid, fact(grade), fact(t), fact(n), Fact.unknown(), mets, fact(nephrectomy), nephrectomy != null,
        List.of(), ecog == null ? Fact.unknown(ecogWhy) : fact(ecog), fact(kps), labValues,
        therapies(), Fact.unknown(), List.of(), List.of());
  }

  /**
   * The therapy as given for metastatic disease, or none; unknown as "not fetched" when the medication history could
   * not be read and none is recorded (no therapy then is not "untreated").
   */
  private Fact<List<SystemicTherapy>> therapies() {
    if (therapyStart != null) {
      return Fact.of(List.of(new SystemicTherapy("sunitinib", fact(therapyStart), true, "MedicationRequest/1")), List.of());
    }
    return medicationsKnown ? Fact.of(List.of(), List.of()) : Fact.unknown(new Reason.NotFetched("systemic therapy orders"));
  }

  private static <T> Fact<T> fact(T value) {
    return value == null ? Fact.unknown() : Fact.of(value, "test");
  }
  /** A random metastatic RCC patient with any mix of recorded and missing data. */
  public static FeatureDraft random(Random r) {
    FeatureDraft d = new FeatureDraft();
    d.age = ForAll.maybe(r, 0.2, () -> ForAll.between(r, 25, 90));
    d.diagnosis = ForAll.maybe(r, 0.2, () -> randomDate(r));
    d.histology = ForAll.maybe(r, 0.3, () -> ForAll.oneOf(r, Histology.values()));
    d.grade = ForAll.maybe(r, 0.3, () -> ForAll.between(r, 1, 4));
    d.t = ForAll.maybe(r, 0.3, () -> ForAll.between(r, 1, 4));
    List<MetastasisDraft> mets = new ArrayList<>();
    for (int i = ForAll.between(r, 1, 4); i > 0; i--) {
      mets.add(new MetastasisDraft(ForAll.oneOf(r, Site.values()), ForAll.maybe(r, 0.3, () -> randomDate(r)),
          ForAll.maybe(r, 0.4, () -> ForAll.between(r, 1, 9))));
    }
    d.metastases = mets;
    d.ecog = ForAll.maybe(r, 0.3, () -> ForAll.between(r, 0, 4));
    for (Lab lab : Lab.values()) {
      if (r.nextBoolean()) {
        d.labs.put(lab, new LabDraft(ForAll.between(r, 0.1, 600.0),
            ForAll.maybe(r, 0.3, () -> ForAll.between(r, 0.1, 20.0)), ForAll.maybe(r, 0.3, () -> ForAll.between(r, 1.0, 500.0))));
      }
    }
    d.medicationsKnown = r.nextBoolean();
    return d;
  }

  static LocalDate randomDate(Random r) {
    return LocalDate.of(2010, 1, 1).plusDays(r.nextInt(16 * 365));
  }
}
