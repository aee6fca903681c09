package org.metastasectomy.cds.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.metastasectomy.cds.knowledge.KnowledgeLoader;

/** Invariants of the model that must hold for every patient, not just the vignettes. */
class ModelProperties {
  private static final Assessor ASSESSOR = new Assessor(KnowledgeLoader.loadFromClasspath().model());

  @Property
  void addingDataNeverTurnsAMetFactorUnknownAndOnlyNarrowsRiskGroups(
      @ForAll("patients") FeatureDraft draft, @ForAll("fills") Fill fill) {
    Assessment before = ASSESSOR.assess(draft.features());
    FeatureDraft more = draft.copy();
    if (!fill.apply(more)) {
      return;
    }
    Assessment after = ASSESSOR.assess(more.features());
    Map<String, FactorStatus> was = statuses(before);
    statuses(after).forEach((id, status) -> {
      if (was.get(id) == FactorStatus.MET) {
        assertThat(status).as("%s after filling %s", id, fill).isNotEqualTo(FactorStatus.UNKNOWN);
      }
    });
    for (String model : List.of("imdc", "mskcc")) {
      RiskResult b = model.equals("imdc") ? before.imdc() : before.mskcc();
      RiskResult a = model.equals("imdc") ? after.imdc() : after.mskcc();
      assertThat(a.minScore()).as(model + " min score").isGreaterThanOrEqualTo(b.minScore());
      assertThat(a.maxScore()).as(model + " max score").isLessThanOrEqualTo(b.maxScore());
      assertThat(b.groups()).as(model + " groups narrow").containsAll(a.groups());
    }
  }

  @Property
  void aYoungerPatientNeverHasAWorseCategory(@ForAll("patients") FeatureDraft draft, @ForAll @IntRange(min = 1, max = 40) int years) {
    if (draft.age == null || draft.age - years < 18) {
      return;
    }
    FeatureDraft younger = draft.copy();
    younger.age = draft.age - years;
    assertThat(rank(ASSESSOR.assess(younger.features()).candidacy()))
        .isGreaterThanOrEqualTo(rank(ASSESSOR.assess(draft.features()).candidacy()));
  }

  @Property
  void turningAnUnfavourableFactorFavourableNeverWorsensTheCategory(
      @ForAll @IntRange(max = 20) int favourable, @ForAll @IntRange(min = 1, max = 20) int unfavourable) {
    Candidacy before = Candidacy.of(favourable, unfavourable);
    assertThat(rank(Candidacy.of(favourable, unfavourable - 1))).isGreaterThanOrEqualTo(rank(before));
    assertThat(rank(Candidacy.of(favourable + 1, unfavourable - 1))).isGreaterThanOrEqualTo(rank(before));
  }

  @Property
  void aRiskGroupIsDeterminedExactlyWhenNoUnknownFactorCouldChangeIt(@ForAll("patients") FeatureDraft draft) {
    for (RiskResult r : List.of(ASSESSOR.assess(draft.features()).imdc(), ASSESSOR.assess(draft.features()).mskcc())) {
      boolean couldChange = r.model().groupOf(r.minScore()) != r.model().groupOf(r.maxScore());
      assertThat(r.determined()).isEqualTo(!couldChange);
      assertThat(r.maxScore() - r.minScore()).isEqualTo(r.unknownFactors().size());
    }
  }

  @Property
  void missingDataIsNeverNotMet(@ForAll("patients") FeatureDraft draft) {
    FeatureDraft empty = new FeatureDraft();
    empty.metastases = draft.metastases;
    Assessment a = ASSESSOR.assess(empty.features());
    a.rules().stream()
        .filter(r -> !List.of("SINGLE_ORGAN", "MULTI_ORGAN", "BRAIN_METASTASIS", "NON_PULMONARY", "BONE_NON_BONE_METASTASES",
            "BONE_ONLY", "SOLITARY", "LUNG_FEWER_THAN_7").contains(r.rule().id()))
        .forEach(r -> assertThat(r.status()).as(r.rule().id()).isEqualTo(FactorStatus.UNKNOWN));
    a.imdc().factors().stream().filter(f -> !f.id().equals("DIAG_TO_TREAT_LT_1Y"))
        .forEach(f -> assertThat(f.status()).as(f.id()).isEqualTo(FactorStatus.UNKNOWN));
  }

  private static int rank(Candidacy c) {
    return switch (c) {
      case FAVOURABLE -> 3;
      case MIXED, INSUFFICIENT_DATA -> 2;
      case UNFAVOURABLE -> 1;
      case NOT_APPLICABLE -> 0;
    };
  }

  private static Map<String, FactorStatus> statuses(Assessment a) {
    Map<String, FactorStatus> out = new HashMap<>();
    a.rules().forEach(r -> out.put("rule " + r.rule().id(), r.status()));
    a.imdc().factors().forEach(f -> out.put("imdc " + f.id(), f.status()));
    a.mskcc().factors().forEach(f -> out.put("mskcc " + f.id(), f.status()));
    return out;
  }

  /** One piece of data added to a patient: fills a field that was not recorded. */
  record Fill(String field, int number, LocalDate date, Histology histology, Lab lab) {
    boolean apply(FeatureDraft d) {
      switch (field) {
        case "age" -> { if (d.age != null) return false; d.age = 30 + number % 60; }
        case "diagnosis" -> { if (d.diagnosis != null) return false; d.diagnosis = date; }
        case "histology" -> { if (d.histology != null) return false; d.histology = histology; }
        case "grade" -> { if (d.grade != null) return false; d.grade = 1 + number % 4; }
        case "t" -> { if (d.t != null) return false; d.t = 1 + number % 4; }
        case "n" -> { if (d.n != null) return false; d.n = number % 2; }
        case "nephrectomy" -> { if (d.nephrectomy != null || d.diagnosis == null || date.isBefore(d.diagnosis)) return false; d.nephrectomy = date; }
        case "ecog" -> { if (d.ecog != null) return false; d.ecog = number % 5; }
        case "kps" -> { if (d.kps != null) return false; d.kps = 40 + 10 * (number % 7); }
        case "therapy" -> {
          if (d.medicationsKnown || d.therapyStart != null || d.diagnosis == null || date.isBefore(d.diagnosis) || date.isAfter(FeatureDraft.AS_OF)) {
            return false;
          }
          d.therapyStart = date;
        }
        case "lab" -> {
          FeatureDraft.LabDraft old = d.labs.get(lab);
          if (old == null) {
            d.labs.put(lab, new FeatureDraft.LabDraft(1.0 + number, null, null));
          } else if (old.high() == null) {
            d.labs.put(lab, new FeatureDraft.LabDraft(old.value(), old.low(), 5.0 + number % 400));
          } else if (old.low() == null) {
            d.labs.put(lab, new FeatureDraft.LabDraft(old.value(), 0.5 + number % 10, old.high()));
          } else {
            return false;
          }
        }
        case "lesions" -> {
          List<FeatureDraft.MetastasisDraft> list = new ArrayList<>(d.metastases);
          for (int i = 0; i < list.size(); i++) {
            if (list.get(i).lesions() == null) {
              list.set(i, new FeatureDraft.MetastasisDraft(list.get(i).site(), list.get(i).onset(), 1 + number % 8));
              d.metastases = list;
              return true;
            }
          }
          return false;
        }
        case "onset" -> {
          List<FeatureDraft.MetastasisDraft> list = new ArrayList<>(d.metastases);
          for (int i = 0; i < list.size(); i++) {
            if (list.get(i).onset() == null) {
              list.set(i, new FeatureDraft.MetastasisDraft(list.get(i).site(), date, list.get(i).lesions()));
              d.metastases = list;
              return true;
            }
          }
          return false;
        }
        default -> throw new IllegalArgumentException(field);
      }
      return true;
    }
  }

  @Provide
  Arbitrary<Fill> fills() {
    return Combinators.combine(
        Arbitraries.of("age", "diagnosis", "histology", "grade", "t", "n", "nephrectomy", "ecog", "kps", "therapy", "lab", "lesions", "onset"),
        Arbitraries.integers().between(0, 1000), dates(), Arbitraries.of(Histology.class), Arbitraries.of(Lab.class))
        .as(Fill::new);
  }

  @Provide
  Arbitrary<FeatureDraft> patients() {
    return FeatureDraft.arbitrary();
  }

  static Arbitrary<LocalDate> dates() {
    return Arbitraries.integers().between(0, 16 * 365).map(days -> LocalDate.of(2010, 1, 1).plusDays(days));
  }
}
