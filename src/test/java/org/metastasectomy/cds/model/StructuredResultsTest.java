package org.metastasectomy.cds.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.metastasectomy.cds.knowledge.KnowledgeLoader;

/**
 * Every rule's result carries what a card needs to name the factor without parsing text: status, the data read (value,
 * unit, date, sources), the citations, and the typed reason when unknown.
 */
class StructuredResultsTest {
  private static final ModelKnowledge KNOWLEDGE = KnowledgeLoader.loadFromClasspath().model();
  private static final Assessor ASSESSOR = new Assessor(KNOWLEDGE);

  @Test
  void aMetRuleListsTheDataItReadWithUnitsDatesAndSources() {
    FeatureDraft d = lungPatient();
    d.nephrectomy = LocalDate.of(2023, 10, 12);
    RuleResult dfi = rule(ASSESSOR.assess(d.features()), RuleId.LUNG_DFI_GT_23);

    assertThat(dfi.status()).isEqualTo(FactorStatus.MET);
    assertThat(dfi.result().get(Item.DISEASE_FREE_INTERVAL))
        .isEqualTo(Datum.of(Item.DISEASE_FREE_INTERVAL, 31L, "months", null, List.of("test")));
    assertThat(dfi.result().get(Item.NEPHRECTOMY).value()).isEqualTo(LocalDate.of(2023, 10, 12));
    assertThat(dfi.result().get(Item.FIRST_METASTASIS).value()).isEqualTo(LocalDate.of(2026, 5, 20));
    assertThat(dfi.result().sources()).containsExactly("test");
    assertThat(dfi.result().citations()).isEqualTo(dfi.rule().citations()).isNotEmpty();
    assertThat(dfi.result().reason()).isNull();
  }

  @Test
  void karnofskyIsUnknownAsNotConvertibleWhenOnlyEcogIsRecorded() {
    FeatureDraft d = lungPatient();
    d.ecog = 1;
    FactorResult kps = factor(ASSESSOR.assess(d.features()).imdc(), RuleId.KPS_LT_80);

    assertThat(kps.status()).isEqualTo(FactorStatus.UNKNOWN);
    assertThat(kps.reason()).isEqualTo(new Reason.NotConvertible(Item.ECOG, Item.KARNOFSKY));
    assertThat(kps.get(Item.KARNOFSKY).known()).isFalse();
    assertThat(kps.get(Item.ECOG).value()).isEqualTo(1);
    assertThat(kps.citations()).isEqualTo(KNOWLEDGE.imdc().citations());
  }

  @Test
  void ecogIsUnknownAsNotConvertibleWhenOnlyKarnofskyIsRecordedWithTheKarnofskyShown() {
    FeatureDraft d = lungPatient();
    d.metastases = List.of(new FeatureDraft.MetastasisDraft(Site.LIVER, LocalDate.of(2026, 5, 20), 1));
    d.kps = 90;
    RuleResult ecog = rule(ASSESSOR.assess(d.features()), RuleId.LIVER_ECOG_GT_0);

    assertThat(ecog.status()).isEqualTo(FactorStatus.UNKNOWN);
    assertThat(ecog.result().reason()).isEqualTo(new Reason.NotConvertible(Item.KARNOFSKY, Item.ECOG));
    assertThat(ecog.result().get(Item.KARNOFSKY).value()).isEqualTo(90);
  }

  @Test
  void aNonPulmonaryFactorCitesTheMetastasesOutsideTheLungOnly() {
    FeatureDraft d = lungPatient();
    d.metastases = List.of(new FeatureDraft.MetastasisDraft(Site.LUNG, LocalDate.of(2026, 5, 20), 1),
        new FeatureDraft.MetastasisDraft(Site.BONE, LocalDate.of(2026, 5, 20), 1));
    RuleResult met = rule(ASSESSOR.assess(d.features()), RuleId.NON_PULMONARY);
    assertThat(met.status()).isEqualTo(FactorStatus.MET);
    assertThat(met.result().sources()).containsExactly("Condition/BONE");

    RuleResult notMet = rule(ASSESSOR.assess(lungPatient().features()), RuleId.NON_PULMONARY);
    assertThat(notMet.status()).isEqualTo(FactorStatus.NOT_MET);
    assertThat(notMet.result().sources()).containsExactly("Condition/LUNG"); // why not met: the lung metastasis
  }

  @Test
  void bonePlusOtherSitesNamesTheOtherSitesOnceInRecordOrderWithTheirConditions() {
    FeatureDraft d = lungPatient();
    LocalDate onset = LocalDate.of(2026, 5, 20);
    d.metastases = List.of(new FeatureDraft.MetastasisDraft(Site.BONE, onset, 1),
        new FeatureDraft.MetastasisDraft(Site.LIVER, onset, 1),
        new FeatureDraft.MetastasisDraft(Site.LUNG, onset, 2),
        new FeatureDraft.MetastasisDraft(Site.LIVER, onset, 1));
    RuleResult elsewhere = rule(ASSESSOR.assess(d.features()), RuleId.BONE_NON_BONE_METASTASES);

    assertThat(elsewhere.status()).isEqualTo(FactorStatus.MET);
    Datum others = elsewhere.result().get(Item.SITES_BESIDES_BONE);
    assertThat(others.value()).isEqualTo(List.of(Site.LIVER, Site.LUNG));
    assertThat(others.sources()).containsExactly("Condition/LIVER", "Condition/LUNG");
    assertThat(elsewhere.result().sources()).containsExactly("Condition/BONE", "Condition/LIVER", "Condition/LUNG");
  }

  @Test
  void theSurvivalRangesShownAreThoseOfThePatientsSites() {
    Assessment lung = ASSESSOR.assess(lungPatient().features());
    assertThat(lung.survival()).containsExactly(KNOWLEDGE.survival(Site.LUNG).orElseThrow());
    assertThat(lung.survival().get(0).site()).isEqualTo(Site.LUNG);
  }

  @Test
  void aLabWithoutItsLimitOfNormalIsUnknownWithTheValueShown() {
    FeatureDraft d = lungPatient();
    d.labs.put(Lab.LDH, new FeatureDraft.LabDraft(300.0, null, null));
    FactorResult ldh = factor(ASSESSOR.assess(d.features()).mskcc(), RuleId.LDH_GT_1_5_ULN);

    assertThat(ldh.reason()).isEqualTo(new Reason.LimitUnknown(Reason.Limit.UPPER));
    assertThat(ldh.get(Lab.LDH)).isEqualTo(
        Datum.of(Lab.LDH, 300.0, "U/L", FeatureDraft.AS_OF.minusDays(3), List.of("Observation/LDH")));
    assertThat(ldh.get(Item.UPPER_LIMIT).missing()).isEqualTo(Reason.NOT_RECORDED);
  }

  @Test
  void histologyNotSpecificIsItsOwnReason() {
    FeatureDraft d = lungPatient();
    d.histology = Histology.RCC_NOS;
    RuleResult nonClearCell = rule(ASSESSOR.assess(d.features()), RuleId.NON_CLEAR_CELL);
    assertThat(nonClearCell.result().reason()).isEqualTo(new Reason.NotSpecific(Histology.RCC_NOS));
    assertThat(nonClearCell.result().get(Item.HISTOLOGY).value()).isEqualTo(Histology.RCC_NOS);
  }

  @Test
  void theReadingLayersReasonReachesTheRule() {
    FeatureDraft d = lungPatient();
    d.metastases = List.of(new FeatureDraft.MetastasisDraft(Site.LIVER, LocalDate.of(2026, 5, 20), 1));
    Datum last = Datum.of(Item.ECOG, 1, null, LocalDate.of(2026, 2, 1), List.of("Observation/e"));
    d.ecogWhy = new Reason.OutsideLookback(last, 90);
    RuleResult ecog = rule(ASSESSOR.assess(d.features()), RuleId.LIVER_ECOG_GT_0);
    assertThat(ecog.status()).isEqualTo(FactorStatus.UNKNOWN);
    assertThat(ecog.result().reason()).isEqualTo(d.ecogWhy);
    assertThat(ecog.result().get(Item.ECOG).missing()).isEqualTo(d.ecogWhy);
  }

  private static FeatureDraft lungPatient() {
    FeatureDraft d = new FeatureDraft();
    d.age = 58;
    d.diagnosis = LocalDate.of(2023, 9, 18);
    d.metastases = List.of(new FeatureDraft.MetastasisDraft(Site.LUNG, LocalDate.of(2026, 5, 20), 1));
    d.medicationsKnown = true;
    return d;
  }

  private static RuleResult rule(Assessment a, RuleId id) {
    return a.rules().stream().filter(r -> r.rule().id() == id).findFirst().orElseThrow();
  }

  private static FactorResult factor(RiskResult r, RuleId id) {
    return r.factors().stream().filter(f -> f.id() == id).findFirst().orElseThrow();
  }
}
