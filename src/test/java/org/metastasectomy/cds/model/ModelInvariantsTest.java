package org.metastasectomy.cds.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.metastasectomy.cds.knowledge.KnowledgeLoader;
import org.metastasectomy.cds.support.ForAll;

/** Invariants of the model that must hold for every patient, not just the vignettes (property-based, seeded). */
class ModelInvariantsTest {
  private static final Assessor ASSESSOR = new Assessor(KnowledgeLoader.loadFromClasspath().model());
  private static final int TRIES = 1000;

  @Test
  void addingDataNeverTurnsAMetFactorUnknownAndOnlyNarrowsRiskGroups() {
    ForAll.check("adding data", TRIES, r -> {
      FeatureDraft draft = FeatureDraft.random(r);
      Fill fill = Fill.random(r);
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
      narrows("IMDC", before.imdc(), after.imdc(), fill);
      narrows("MSKCC", before.mskcc(), after.mskcc(), fill);
    });
  }

  @Test
  void aYoungerPatientNeverHasAWorseCategory() {
    ForAll.check("younger", TRIES, r -> {
      FeatureDraft draft = FeatureDraft.random(r);
      int years = ForAll.between(r, 1, 40);
      if (draft.age == null || draft.age - years < 18) {
        return;
      }
      FeatureDraft younger = draft.copy();
      younger.age = draft.age - years;
      assertThat(rank(ASSESSOR.assess(younger.features()).candidacy()))
          .isGreaterThanOrEqualTo(rank(ASSESSOR.assess(draft.features()).candidacy()));
    });
  }

  @Test
  void turningAnUnfavourableFactorFavourableNeverWorsensTheCategory() {
    for (int favourable = 0; favourable <= 20; favourable++) {
      for (int unfavourable = 1; unfavourable <= 20; unfavourable++) {
        Candidacy before = Candidacy.of(favourable, unfavourable);
        assertThat(rank(Candidacy.of(favourable, unfavourable - 1))).isGreaterThanOrEqualTo(rank(before));
        assertThat(rank(Candidacy.of(favourable + 1, unfavourable - 1))).isGreaterThanOrEqualTo(rank(before));
      }
    }
  }

  @Test
  void aRiskGroupIsDeterminedExactlyWhenNoUnknownFactorCouldChangeIt() {
    ForAll.check("determined group", TRIES, r -> {
      Assessment a = ASSESSOR.assess(FeatureDraft.random(r).features());
      for (RiskResult risk : List.of(a.imdc(), a.mskcc())) {
        boolean couldChange = risk.model().groupOf(risk.minScore()) != risk.model().groupOf(risk.maxScore());
        assertThat(risk.determined()).isEqualTo(!couldChange);
        assertThat(risk.maxScore() - risk.minScore()).isEqualTo(risk.unknownFactors().size());
      }
    });
  }

  @Test
  void missingDataIsNeverNotMet() {
    ForAll.check("missing is unknown", TRIES, r -> {
      FeatureDraft empty = new FeatureDraft();
      empty.metastases = FeatureDraft.random(r).metastases;
      Assessment a = ASSESSOR.assess(empty.features());
      List<RuleId> readFromMetastases = List.of(RuleId.SINGLE_ORGAN, RuleId.MULTI_ORGAN, RuleId.BRAIN_METASTASIS,
          RuleId.NON_PULMONARY, RuleId.BONE_NON_BONE_METASTASES, RuleId.BONE_ONLY, RuleId.SOLITARY, RuleId.LUNG_FEWER_THAN_7);
      a.rules().stream().filter(x -> !readFromMetastases.contains(x.rule().id()))
          .forEach(x -> assertThat(x.status()).as(x.rule().id().name()).isEqualTo(FactorStatus.UNKNOWN));
      a.imdc().factors().stream().filter(f -> f.id() != RuleId.DIAG_TO_TREAT_LT_1Y)
          .forEach(f -> assertThat(f.status()).as(f.id().name()).isEqualTo(FactorStatus.UNKNOWN));
    });
  }

  private static void narrows(String model, RiskResult before, RiskResult after, Fill fill) {
    assertThat(after.minScore()).as(model + " min score after " + fill).isGreaterThanOrEqualTo(before.minScore());
    assertThat(after.maxScore()).as(model + " max score after " + fill).isLessThanOrEqualTo(before.maxScore());
    assertThat(before.groups()).as(model + " groups narrow after " + fill).containsAll(after.groups());
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
    a.rules().forEach(x -> out.put("rule " + x.rule().id(), x.status()));
    a.imdc().factors().forEach(f -> out.put("imdc " + f.id(), f.status()));
    a.mskcc().factors().forEach(f -> out.put("mskcc " + f.id(), f.status()));
    return out;
  }

  /** One piece of data added to a patient: fills a field that was not recorded. */
  record Fill(String field, int number, LocalDate date, Histology histology, Lab lab) {
    private static final String[] FIELDS =
        {"age", "diagnosis", "histology", "grade", "t", "n", "nephrectomy", "ecog", "kps", "therapy", "lab", "lesions", "onset"};

    static Fill random(Random r) {
      return new Fill(ForAll.oneOf(r, FIELDS), r.nextInt(1000), FeatureDraft.randomDate(r),
          ForAll.oneOf(r, Histology.values()), ForAll.oneOf(r, Lab.values()));
    }

    boolean apply(FeatureDraft d) {
      switch (field) {
        case "age" -> { if (d.age != null) return false; d.age = 30 + number % 60; }
        case "diagnosis" -> { if (d.diagnosis != null) return false; d.diagnosis = date; }
        case "histology" -> { if (d.histology != null) return false; d.histology = histology; }
        case "grade" -> { if (d.grade != null) return false; d.grade = 1 + number % 4; }
        case "t" -> { if (d.t != null) return false; d.t = 1 + number % 4; }
        case "n" -> { if (d.n != null) return false; d.n = number % 2; }
        case "nephrectomy" -> {
          if (d.nephrectomy != null || d.diagnosis == null || date.isBefore(d.diagnosis)) return false;
          d.nephrectomy = date;
        }
        case "ecog" -> { if (d.ecog != null) return false; d.ecog = number % 5; }
        case "kps" -> { if (d.kps != null) return false; d.kps = 40 + 10 * (number % 7); }
        case "therapy" -> {
          if (d.medicationsKnown || d.therapyStart != null || d.diagnosis == null || date.isBefore(d.diagnosis)
              || date.isAfter(FeatureDraft.AS_OF)) {
            return false;
          }
          d.therapyStart = date;
        }
        case "lab" -> {
          return fillLab(d);
        }
        case "lesions", "onset" -> {
          return fillMetastasis(d);
        }
        default -> throw new IllegalArgumentException(field);
      }
      return true;
    }

    private boolean fillLab(FeatureDraft d) {
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
      return true;
    }

    private boolean fillMetastasis(FeatureDraft d) {
      List<FeatureDraft.MetastasisDraft> list = new ArrayList<>(d.metastases);
      for (int i = 0; i < list.size(); i++) {
        FeatureDraft.MetastasisDraft m = list.get(i);
        if (field.equals("lesions") && m.lesions() == null) {
          list.set(i, new FeatureDraft.MetastasisDraft(m.site(), m.onset(), 1 + number % 8));
        } else if (field.equals("onset") && m.onset() == null) {
          list.set(i, new FeatureDraft.MetastasisDraft(m.site(), date, m.lesions()));
        } else {
          continue;
        }
        d.metastases = list;
        return true;
      }
      return false;
    }
  }
}
