package org.metastasectomy.cds.clinical;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Procedure;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Range;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.metastasectomy.cds.knowledge.KnowledgeLoader;
import org.metastasectomy.cds.model.Assessment;
import org.metastasectomy.cds.model.Assessor;
import org.metastasectomy.cds.model.FactorResult;
import org.metastasectomy.cds.model.FactorStatus;
import org.metastasectomy.cds.model.Item;
import org.metastasectomy.cds.model.Lab;
import org.metastasectomy.cds.model.ModelKnowledge;
import org.metastasectomy.cds.model.OrderAlert;
import org.metastasectomy.cds.model.OrderRules;
import org.metastasectomy.cds.model.PatientFeatures;
import org.metastasectomy.cds.model.Reason;
import org.metastasectomy.cds.model.RuleId;
import org.metastasectomy.cds.model.RuleResult;
import org.metastasectomy.cds.model.risk.CorrectedCalcium;
import org.metastasectomy.cds.reading.DraftOrderReader;
import org.metastasectomy.cds.reading.PatientFeatureMapper;
import org.metastasectomy.cds.reading.PatientRecord;
import org.metastasectomy.cds.reading.ReferenceRangeDefaults;

/**
 * The findings of the independent clinical review (issue 11), one nested class per item, each a small chart read the
 * way the service reads it: FHIR resources → features → assessment → order rules. Every expectation is worked out by
 * hand in the test's name and comments; each of these failed on the model as it was before the review's fixes.
 */
class ClinicalReviewTest {
  static final LocalDate TODAY = LocalDate.of(2026, 11, 27);
  static final ModelKnowledge KNOWLEDGE = KnowledgeLoader.loadFromClasspath().model();
  static final Assessor ASSESSOR = new Assessor(KNOWLEDGE);
  static final OrderRules ORDER_RULES = new OrderRules(KNOWLEDGE);
  static final PatientFeatureMapper MAPPER = new PatientFeatureMapper(90, ReferenceRangeDefaults.none());
  static final DraftOrderReader DRAFTS = new DraftOrderReader(FhirContext.forR4Cached(), new ObjectMapper(), Set.of());

  static PatientFeatures features(PatientRecord r) {
    return MAPPER.map(r, TODAY);
  }

  static Assessment assess(Chart c) {
    return ASSESSOR.assess(features(c.record()));
  }

  /** "RULE indicator" for every order card the draft orders get. */
  static List<String> cards(Chart c, Resource... drafts) {
    List<OrderAlert> alerts = ORDER_RULES.evaluate(assess(c), DRAFTS.read(Chart.orders(drafts), List.of()));
    return alerts.stream().map(a -> a.rule().id().name() + " " + a.rule().indicator()).toList();
  }

  static FactorStatus rule(Assessment a, RuleId id) {
    return a.rules().stream().filter(r -> r.rule().id() == id).map(RuleResult::status).findFirst().orElseThrow();
  }

  static FactorResult imdc(Assessment a, RuleId id) {
    return a.imdc().factors().stream().filter(f -> f.id() == id).findFirst().orElseThrow();
  }

  /**
   * Every IMDC laboratory value inside a male reference range on the day: Hb 14.5 (13.5–17.5 g/dL), Ca 9.5 (8.5–10.5
   * mg/dL) with albumin 4.0 (3.5–5.0 g/dL), neutrophils 4.0 (1.8–7.7 10*9/L), platelets 250 (150–400 10*9/L).
   */
  static void normalImdcLabs(Chart c, String day) {
    rangeOf(c.lab("718-7", 14.5, "g/dL", day, "final"), 13.5, 17.5, "g/dL");
    rangeOf(c.lab("17861-6", 9.5, "mg/dL", day, "final"), 8.5, 10.5, "mg/dL");
    rangeOf(c.lab("1751-7", 4.0, "g/dL", day, "final"), 3.5, 5.0, "g/dL");
    rangeOf(c.lab("751-8", 4.0, "10*9/L", day, "final"), 1.8, 7.7, "10*9/L");
    rangeOf(c.lab("777-3", 250, "10*9/L", day, "final"), 150, 400, "10*9/L");
  }

  static Observation rangeOf(Observation o, double low, double high, String unit) {
    o.addReferenceRange().setLow(new Quantity(low).setUnit(unit).setCode(unit)).setHigh(new Quantity(high).setUnit(unit).setCode(unit));
    return o;
  }

  /** Clear cell RCC diagnosed 2022-01-10, nephrectomy 2022-02-01, a lung metastasis found 2025-01-05. */
  static Chart afterNephrectomy(String lungStatus) {
    Chart c = Chart.man();
    c.primary("2022-01-10", "8310/3");
    c.nephrectomy("2022-02-01");
    c.lungMetastasis("2025-01-05", lungStatus);
    return c;
  }

  @Nested
  class Item1AdjuvantAfterMetastasectomy {
    @Test
    void theIssuesPatientResectedLungAndStillActiveBoneMetastasisGetsNoAdjuvantCard() {
      Chart c = afterNephrectomy("resolved");
      Condition lung = c.lungMetastasis("2025-01-05", "resolved");
      c.boneMetastasis("2025-02-01", "active"); // diagnosed before the surgery, still active
      c.lungMetastasectomy("2025-03-01", lung);
      assertThat(cards(c, Chart.draftMedication("pazopanib"))).noneMatch(s -> s.startsWith("ADJUVANT"));
    }

    @Test
    void recurrenceAndRelapseCountAsActiveDisease() {
      for (String status : List.of("recurrence", "relapse", "active")) {
        Chart c = afterNephrectomy(status);
        c.lungMetastasectomy("2025-03-01", null);
        assertThat(cards(c, Chart.draftMedication("sorafenib"))).as(status).noneMatch(s -> s.startsWith("ADJUVANT"));
      }
    }

    @Test
    void aResectionRecordedAsIncompleteGetsNoAdjuvantCard() {
      for (String outcome : List.of("R1 resection", "R2", "Incomplete resection", "residual tumour at the margin")) {
        Chart c = afterNephrectomy("resolved");
        Procedure p = c.lungMetastasectomy("2025-03-01", null);
        p.setOutcome(new CodeableConcept().setText(outcome));
        assertThat(cards(c, Chart.draftMedication("pazopanib"))).as(outcome).noneMatch(s -> s.startsWith("ADJUVANT"));
      }
    }

    @Test
    void completeResectionWithEveryMetastasisResolvedGetsTheWarning() {
      Chart c = afterNephrectomy("resolved");
      c.boneMetastasis("2024-06-01", "remission");
      c.lungMetastasectomy("2025-03-01", null);
      assertThat(cards(c, Chart.draftMedication("pazopanib"))).containsExactly("ADJUVANT_AFTER_METASTASECTOMY warning");
    }

    @Test
    void aMetastasisWithoutClinicalStatusGetsAnInfoCardAndNeverTheDeleteWarning() {
      Chart c = afterNephrectomy(null);
      c.lungMetastasectomy("2025-03-01", null);
      assertThat(cards(c, Chart.draftMedication("pazopanib"))).containsExactly("ADJUVANT_NED_UNCONFIRMED info");
    }

    @Test
    void anUndatedMetastasectomyGetsAnInfoCardAndNeverTheDeleteWarning() {
      Chart c = afterNephrectomy("resolved");
      c.lungMetastasectomy(null, null);
      assertThat(cards(c, Chart.draftMedication("pazopanib"))).containsExactly("ADJUVANT_NED_UNCONFIRMED info");
    }

    @Test
    void aMetastasectomyDatedInTheFutureDoesNotCount() {
      Chart c = afterNephrectomy("resolved");
      c.lungMetastasectomy("2027-01-15", null);
      assertThat(cards(c, Chart.draftMedication("pazopanib"))).noneMatch(s -> s.startsWith("ADJUVANT"));
    }
  }

  @Nested
  class Item2Synchronous {
    Assessment diagnosedThenMetastasis(String diagnosis, String metastasis) {
      Chart c = Chart.man();
      c.primary(diagnosis, "8310/3");
      c.lungMetastasis(metastasis, "active");
      return assess(c);
    }

    @Test
    void exactlyThreeMonthsAfterDiagnosisIsSynchronous() {
      assertThat(diagnosedThenMetastasis("2026-01-15", "2026-04-15").synchronous().value()).isTrue();
    }

    @Test
    void threeMonthsAndOneDayAfterDiagnosisIsMetachronous() {
      assertThat(diagnosedThenMetastasis("2026-01-15", "2026-04-16").synchronous().value()).isFalse();
    }

    @Test
    void metastasesFoundAtStagingAWeekAfterDiagnosisGetTheCytoreductiveNephrectomyCard() {
      Chart c = Chart.man();
      c.primary("2026-10-01", "8310/3");
      c.lungMetastasis("2026-10-08", "active");
      c.boneMetastasis("2026-10-08", "active");
      // untreated 1 month after diagnosis with the medication history read: IMDC diagnosis-to-treatment < 1 year is met,
      // so IMDC cannot be favourable
      assertThat(cards(c, Chart.draftNephrectomy())).containsExactly("CYTOREDUCTIVE_NEPHRECTOMY info");
    }
  }

  @Nested
  class Item3DiagnosisToTreatment {
    @Test
    void adjuvantTherapyBeforeAnyMetastasisIsNotTheStartOfTreatment() {
      Chart c = afterNephrectomy("active");
      c.therapy("pembrolizumab", "2022-03-01", "completed"); // adjuvant, 1 month after nephrectomy
      // no therapy for metastatic disease yet: 2022-01-10 → 2026-11-27 = 58 months, not < 12
      FactorResult f = imdc(assess(c), RuleId.DIAG_TO_TREAT_LT_1Y);
      assertThat(f.status()).isEqualTo(FactorStatus.NOT_MET);
    }

    @Test
    void aTherapyWhenTheFirstMetastasisIsUndatedLeavesTheIntervalUnknown() {
      Chart c = Chart.man();
      c.primary("2022-01-10", "8310/3");
      c.lungMetastasis(null, "active");
      c.therapy("sunitinib", "2022-06-01", "completed");
      assertThat(imdc(assess(c), RuleId.DIAG_TO_TREAT_LT_1Y).status()).isEqualTo(FactorStatus.UNKNOWN);
    }

    @Test
    void anUndatedTherapyMayBeTheFirstLineSoTheIntervalIsUnknown() {
      Chart c = afterNephrectomy("active"); // diagnosed 2022-01-10: more than 12 months ago, so the start decides
      c.therapy("sunitinib", null, "completed");
      FactorResult f = imdc(assess(c), RuleId.DIAG_TO_TREAT_LT_1Y);
      assertThat(f.status()).isEqualTo(FactorStatus.UNKNOWN);
      assertThat(f.get(Item.SYSTEMIC_THERAPY_START).known()).isFalse();
    }

    @Test
    void aPatientM1AtDiagnosisCountsTheFirstTherapyEvenWithUndatedMetastases() {
      Chart c = Chart.man();
      c.primary("2022-01-10", "8310/3");
      c.tnm("21907-1", "cM1", "2022-01-10");
      c.lungMetastasis(null, "active");
      c.therapy("sunitinib", "2022-06-01", "completed"); // 4 months
      assertThat(imdc(assess(c), RuleId.DIAG_TO_TREAT_LT_1Y).status()).isEqualTo(FactorStatus.MET);
    }

    @Test
    void theTherapyAfterTheFirstMetastasisIsTheStart() {
      Chart c = Chart.man();
      c.primary("2025-01-15", "8310/3");
      c.lungMetastasis("2025-01-20", "active");
      c.therapy("pembrolizumab", "2025-01-16", "completed"); // before the metastasis: not counted
      c.therapy("sunitinib", "2026-01-14", "active"); // 11 completed months after diagnosis
      assertThat(imdc(assess(c), RuleId.DIAG_TO_TREAT_LT_1Y).status()).isEqualTo(FactorStatus.MET);
    }
  }

  @Nested
  class Item4ReferenceRanges {
    Observation haemoglobin(Chart c, double value) {
      c.primary("2025-01-15", "8310/3");
      c.lungMetastasis("2025-01-20", "active");
      return c.lab("718-7", value, "g/dL", "2026-11-20", "final");
    }

    Observation.ObservationReferenceRangeComponent range(Observation o, double low, double high) {
      return o.addReferenceRange().setLow(new Quantity(low).setUnit("g/dL")).setHigh(new Quantity(high).setUnit("g/dL"));
    }

    void appliesTo(Observation.ObservationReferenceRangeComponent r, String snomed) {
      r.addAppliesTo(new CodeableConcept(new Coding(Chart.SNOMED, snomed, null)));
    }

    @Test
    void aManIsReadAgainstTheMaleRangeNotTheFirstOne() {
      Chart c = Chart.man();
      Observation hb = haemoglobin(c, 12.5);
      appliesTo(range(hb, 12.0, 15.5), "248152002"); // female
      appliesTo(range(hb, 13.5, 17.5), "248153007"); // male
      FactorResult f = imdc(assess(c), RuleId.HB_LT_LLN);
      assertThat(f.status()).isEqualTo(FactorStatus.MET); // 12.5 < 13.5
    }

    @Test
    void anotherSexsRangeIsNeverUsed() {
      Chart c = Chart.man();
      appliesTo(range(haemoglobin(c, 12.5), 12.0, 15.5), "248152002");
      FactorResult f = imdc(assess(c), RuleId.HB_LT_LLN);
      assertThat(f.status()).isEqualTo(FactorStatus.UNKNOWN);
      assertThat(f.reason()).isInstanceOf(Reason.LimitUnknown.class);
    }

    @Test
    void aTherapeuticRangeIsNotALimitOfNormal() {
      Chart c = Chart.man();
      range(haemoglobin(c, 12.5), 10.0, 12.0).setType(new CodeableConcept(
          new Coding("http://terminology.hl7.org/CodeSystem/referencerange-meaning", "therapeutic", null)));
      assertThat(imdc(assess(c), RuleId.HB_LT_LLN).status()).isEqualTo(FactorStatus.UNKNOWN);
    }

    @Test
    void theRangeForThePatientsAgeIsPreferred() {
      Chart c = Chart.man(); // 66
      Observation hb = haemoglobin(c, 12.8);
      range(hb, 12.0, 17.0); // everyone
      range(hb, 13.0, 17.0).setAge(new Range().setLow(new Quantity(60).setUnit("a")).setHigh(new Quantity(120).setUnit("a")));
      range(hb, 11.0, 17.0).setAge(new Range().setLow(new Quantity(18).setUnit("a")).setHigh(new Quantity(59).setUnit("a")));
      assertThat(imdc(assess(c), RuleId.HB_LT_LLN).status()).isEqualTo(FactorStatus.MET); // 12.8 < 13.0
    }
  }

  @Nested
  class Item5FutureDates {
    @Test
    void aLabDatedAfterTodayIsIgnoredAndTheLatestRealOneCounts() {
      Chart c = Chart.man();
      c.primary("2025-01-15", "8310/3");
      c.lungMetastasis("2025-01-20", "active");
      c.lab("718-7", 14.0, "g/dL", "2026-11-20", "final");
      c.lab("718-7", 9.0, "g/dL", "2027-01-01", "final");
      assertThat(features(c.record()).lab(Lab.HAEMOGLOBIN).value().value()).isEqualTo(14.0);
    }

    @Test
    void oneDayOfClockSkewIsAllowed() {
      Chart c = Chart.man();
      c.primary("2025-01-15", "8310/3");
      c.score("89247-1", 2, "2026-11-28", "final");
      assertThat(features(c.record()).ecog().value()).isEqualTo(2);
    }

    @Test
    void anEcogDatedTwoDaysAheadIsIgnoredWithItsDate() {
      Chart c = Chart.man();
      c.primary("2025-01-15", "8310/3");
      c.score("89247-1", 2, "2026-11-29", "final");
      Reason why = features(c.record()).ecog().why();
      assertThat(why).isInstanceOf(Reason.FutureDated.class);
      assertThat(((Reason.FutureDated) why).date()).isEqualTo(LocalDate.of(2026, 11, 29));
    }

    @Test
    void aDiagnosisDatedInTheFutureIsNotADate() {
      Chart c = Chart.man();
      c.primary("2027-03-01", "8310/3");
      assertThat(features(c.record()).diagnosisDate().why()).isInstanceOf(Reason.FutureDated.class);
    }

    @Test
    void aTherapyStartInTheFutureIsNotAStart() {
      Chart c = Chart.man();
      c.primary("2026-01-15", "8310/3");
      c.lungMetastasis("2026-01-20", "active");
      c.therapy("sunitinib", "2027-01-14", "active");
      // untreated: 10 months to today, < 12
      assertThat(imdc(assess(c), RuleId.DIAG_TO_TREAT_LT_1Y).status()).isEqualTo(FactorStatus.MET);
      c.therapy("axitinib", "2026-12-20", "active");
      assertThat(imdc(assess(c), RuleId.DIAG_TO_TREAT_LT_1Y).status()).isEqualTo(FactorStatus.MET);
    }
  }

  @Nested
  class Item6Sarcomatoid {
    Assessment withPrimary(String morphology) {
      Chart c = Chart.man();
      c.primary("2025-01-15", morphology);
      c.lungMetastasis("2025-06-20", "active");
      return assess(c);
    }

    @Test
    void clearCellHistologyDoesNotSayThereAreNoSarcomatoidFeatures() {
      assertThat(rule(withPrimary("8310/3"), RuleId.SARCOMATOID)).isEqualTo(FactorStatus.UNKNOWN);
    }

    @Test
    void aSarcomatoidPrimaryCountsOnceAndLeavesTheSubtypeUnknown() {
      Assessment a = withPrimary("8318/3");
      assertThat(rule(a, RuleId.SARCOMATOID)).isEqualTo(FactorStatus.MET);
      assertThat(rule(a, RuleId.NON_CLEAR_CELL)).isEqualTo(FactorStatus.UNKNOWN);
    }

    @Test
    void aSarcomatoidReportBesideAClearCellPrimaryGivesBoth() {
      Chart c = Chart.man();
      c.primary("2025-01-15", "8310/3");
      c.lungMetastasis("2025-06-20", "active");
      c.histology("8318/3", "2025-02-01");
      Assessment a = assess(c);
      assertThat(rule(a, RuleId.SARCOMATOID)).isEqualTo(FactorStatus.MET);
      assertThat(rule(a, RuleId.NON_CLEAR_CELL)).isEqualTo(FactorStatus.NOT_MET);
    }
  }

  @Nested
  class Item7CorrectedCalcium {
    Chart calciumAndAlbumin(String calciumDay, String albuminDay) {
      Chart c = Chart.man();
      c.primary("2025-01-15", "8310/3");
      c.lab("17861-6", 10.0, "mg/dL", calciumDay, "final");
      c.lab("1751-7", 3.0, "g/dL", albuminDay, "final");
      return c;
    }

    @Test
    void calciumAndAlbuminOfDifferentDaysGiveNoCorrectedCalcium() {
      Chart c = calciumAndAlbumin("2026-11-20", "2026-11-10");
      assertThat(CorrectedCalcium.of(features(c.record())).isKnown()).isFalse();
      Assessment a = assess(c);
      assertThat(ClinicalReviewTest.imdc(a, RuleId.CORR_CA_GT_ULN).status()).isEqualTo(FactorStatus.UNKNOWN);
      // The reason names both draws (the card shows each value with its date), for IMDC and MSKCC alike.
      assertThat(ClinicalReviewTest.imdc(a, RuleId.CORR_CA_GT_ULN).reason()).isInstanceOf(Reason.DifferentDraws.class);
      assertThat(a.mskcc().factors()).filteredOn(f -> f.id() == RuleId.CORR_CA_GT_10)
          .singleElement().satisfies(f -> assertThat(f.reason()).isInstanceOf(Reason.DifferentDraws.class));
    }

    @Test
    void calciumAndAlbuminOfTheSameDayAreCorrected() {
      Chart c = calciumAndAlbumin("2026-11-20T08:00:00Z", "2026-11-20T14:30:00Z");
      assertThat(CorrectedCalcium.of(features(c.record())).value()).isEqualTo(10.8); // 10 + 0.8 × (4 − 3)
    }

    @Test
    void calciumAndAlbuminOfTheSameSpecimenAreCorrectedWhateverTheirDates() {
      Chart c = Chart.man();
      c.primary("2025-01-15", "8310/3");
      c.lab("17861-6", 10.0, "mg/dL", "2026-11-20", "final").setSpecimen(new Reference("Specimen/s1"));
      c.lab("1751-7", 3.0, "g/dL", "2026-11-21", "final").setSpecimen(new Reference("Specimen/s1"));
      assertThat(CorrectedCalcium.of(features(c.record())).value()).isEqualTo(10.8);
    }
  }

  @Nested
  class Item8Preliminary {
    @Test
    void aPreliminaryEcogIsNotUsedAndNotReportedAsNotRecorded() {
      Chart c = Chart.man();
      c.primary("2025-01-15", "8310/3");
      c.score("89247-1", 1, "2026-11-20", "preliminary");
      PatientFeatures p = features(c.record());
      assertThat(p.ecog().isKnown()).isFalse();
      assertThat(p.ecog().why()).isNotInstanceOf(Reason.NotRecorded.class);
    }

    @Test
    void aPreliminaryLabIsNotUsedAndNotReportedAsNotRecorded() {
      Chart c = Chart.man();
      c.primary("2025-01-15", "8310/3");
      c.lab("718-7", 11.0, "g/dL", "2026-11-20", "preliminary");
      PatientFeatures p = features(c.record());
      assertThat(p.lab(Lab.HAEMOGLOBIN).isKnown()).isFalse();
      assertThat(p.lab(Lab.HAEMOGLOBIN).why()).isNotInstanceOf(Reason.NotRecorded.class);
    }

    @Test
    void enteredInErrorNeverCountsNorShows() {
      Chart c = Chart.man();
      c.primary("2025-01-15", "8310/3");
      c.score("89247-1", 1, "2026-11-20", "entered-in-error");
      assertThat(features(c.record()).ecog().why()).isInstanceOf(Reason.NotRecorded.class);
    }
  }

  @Nested
  class Item9OrderCards {
    /** cT3a clear cell RCC diagnosed 2026-11-01, staging under way: no nephrectomy, no therapy. */
    Chart staging() {
      Chart c = Chart.man();
      c.primary("2026-11-01", "8310/3");
      c.tnm("21905-5", "cT3a", "2026-11-01");
      return c;
    }

    @Test
    void aChestRadiographForPneumoniaIsNotQuestioned() {
      ServiceRequest cxr = Chart.draftChestRadiograph();
      cxr.addReasonCode(new CodeableConcept(new Coding(Chart.SNOMED, "233604007", "Pneumonia")));
      assertThat(cards(staging(), cxr)).isEmpty();
    }

    @Test
    void aChestRadiographForLinePlacementIsNotQuestioned() {
      ServiceRequest cxr = Chart.draftChestRadiograph();
      cxr.addReasonCode(new CodeableConcept().setText("Central line placement check"));
      assertThat(cards(staging(), cxr)).isEmpty();
    }

    @Test
    void aChestRadiographForTheRccIsQuestioned() {
      ServiceRequest byCode = Chart.draftChestRadiograph();
      byCode.addReasonCode(new CodeableConcept(new Coding(Chart.ICD10, "C64.2", null)));
      assertThat(cards(staging(), byCode)).containsExactly("CHEST_RADIOGRAPH_STAGING info");
      ServiceRequest byReference = Chart.draftChestRadiograph();
      byReference.addReasonReference(new Reference("Condition/rcc"));
      assertThat(cards(staging(), byReference)).containsExactly("CHEST_RADIOGRAPH_STAGING info");
    }

    @Test
    void aChestRadiographWithoutReasonIsQuestionedOnlyWhileStagingIsUnderWay() {
      assertThat(cards(staging(), Chart.draftChestRadiograph())).containsExactly("CHEST_RADIOGRAPH_STAGING info");
      Chart operated = staging();
      operated.nephrectomy("2026-11-20");
      assertThat(cards(operated, Chart.draftChestRadiograph())).isEmpty();
      Chart treated = staging();
      treated.therapy("sunitinib", "2026-11-15", "active");
      assertThat(cards(treated, Chart.draftChestRadiograph())).isEmpty();
    }

    /** Favourable profile: one organ (lung), age 56, DFI 58 months, clear cell; no tumour board documented. */
    Chart favourable() {
      Chart c = new Chart("male", "1970-03-01");
      c.primary("2020-01-10", "8310/3");
      c.nephrectomy("2020-02-01");
      c.lungMetastasis("2024-12-01", "active");
      return c;
    }

    @Test
    void theFavourableProfileGetsTheTumourBoardCardBeforeFirstLineTherapy() {
      assertThat(assess(favourable()).candidacy().name()).isEqualTo("FAVOURABLE");
      assertThat(cards(favourable(), Chart.draftMedication("cabozantinib"))).containsExactly("SYSTEMIC_BEFORE_TUMOUR_BOARD info");
    }

    @Test
    void aSecondLineIsNotAskedAboutTheTumourBoard() {
      Chart c = favourable();
      c.therapy("sunitinib", "2025-01-10", "stopped");
      assertThat(cards(c, Chart.draftMedication("cabozantinib"))).isEmpty();
    }

    @Test
    void adjuvantTherapyBeforeTheMetastasisDoesNotMakeTheNextOneSecondLine() {
      Chart c = favourable();
      c.therapy("pembrolizumab", "2020-03-01", "completed");
      assertThat(cards(c, Chart.draftMedication("cabozantinib"))).containsExactly("SYSTEMIC_BEFORE_TUMOUR_BOARD info");
    }

    @Test
    void aRenewalIsNotAskedAboutTheTumourBoard() {
      MedicationRequest renewal = Chart.draftMedication("cabozantinib");
      renewal.setPriorPrescription(new Reference("MedicationRequest/earlier"));
      assertThat(cards(favourable(), renewal)).isEmpty();
    }

    @Test
    void aDoseChangeOfARunningTherapyIsNotAskedAboutTheTumourBoard() {
      Chart c = favourable();
      c.therapy("pembrolizumab", "2020-03-01", "active"); // adjuvant, still running
      assertThat(cards(c, Chart.draftMedication("pembrolizumab"))).isEmpty();
    }

    @Test
    void historicM1NowDiseaseFreeGetsNoPatientViewCard() {
      Chart c = Chart.man();
      c.primary("2022-01-10", "8310/3");
      c.tnm("21907-1", "cM1", "2022-01-10");
      c.lungMetastasis("2022-01-12", "resolved");
      assertThat(assess(c).applicable()).isFalse();
    }

    @Test
    void m1WithoutAnyMetastasisConditionStaysMetastaticSitesUnknown() {
      Chart c = Chart.man();
      c.primary("2022-01-10", "8310/3");
      c.tnm("21907-1", "cM1", "2022-01-10");
      Assessment a = assess(c);
      assertThat(a.applicable()).isTrue();
      assertThat(a.features().currentSites()).isEmpty();
    }
  }

  @Nested
  class Item10CategoryRange {
    static final org.metastasectomy.cds.cards.TumourBoardCardBuilder CARDS = new org.metastasectomy.cds.cards.TumourBoardCardBuilder(
        KnowledgeLoader.loadFromClasspath(), new org.metastasectomy.cds.cards.DraftResources(
            new org.metastasectomy.cds.cards.DraftResources.ChestCtOrder("http://loinc.org", "24627-2", "Chest CT")));

    /** Solitary lung metastasis 58 months after nephrectomy, age 56, clear cell; sarcomatoid not reported. */
    Chart favourable() {
      Chart c = new Chart("male", "1970-03-01");
      c.primary("2020-01-10", "8310/3");
      c.nephrectomy("2020-02-01");
      c.lungMetastasis("2024-12-01", "active").addExtension(new org.hl7.fhir.r4.model.Extension(
          "http://metastasectomy-cds.org/fhir/StructureDefinition/metastasis-lesion-count", new org.hl7.fhir.r4.model.IntegerType(1)));
      return c;
    }

    @Test
    void favourableWithUnknownUnfavourableFactorsIsFavourableOrMixed() {
      Assessment a = assess(favourable());
      assertThat(a.candidacy().name()).isEqualTo("FAVOURABLE");
      assertThat(a.reachableCandidacies()).extracting(Enum::name).containsExactly("FAVOURABLE", "MIXED");
      assertThat(a.candidacySettled()).isFalse();
      String unknown = a.unknown().size() + (a.unknown().size() == 1 ? " factor unknown" : " factors unknown");
      var card = CARDS.build(a, "p", "https://cds.example.org/rules").card();
      assertThat(card.summary()).contains("favourable or mixed: " + unknown);
      assertThat(card.detail()).contains("**Evidence profile: favourable or mixed: " + unknown + "**");
    }

    @Test
    void mixedIsAlwaysSettledUnknownsCannotUndoAFactorMet() {
      Chart c = favourable();
      c.histology("8318/3", "2020-02-01"); // sarcomatoid reported: unfavourable, F and U both ≥ 1
      Assessment a = assess(c);
      assertThat(a.candidacy().name()).isEqualTo("MIXED");
      assertThat(a.candidacySettled()).isTrue();
      assertThat(CARDS.build(a, "p", "https://cds.example.org/rules").card().summary())
          .contains("profile mixed").doesNotContain(" or ");
    }

    @Test
    void unfavourableWithUnknownFavourableFactorsIsMixedOrUnfavourable() {
      // Lung and brain, undated, lesions not counted: multi-organ, brain, non-pulmonary met (U = 3); solitary and single
      // organ not met; the lung rules (fewer than 7 lesions, DFI > 23 months) unknown: F may still rise to 2.
      Chart c = Chart.man();
      c.primary(null, null);
      c.lungMetastasis(null, "active");
      c.metastasis("C79.31", null, "active");
      Assessment a = assess(c);
      assertThat(a.candidacy().name()).isEqualTo("UNFAVOURABLE");
      assertThat(a.reachableCandidacies()).extracting(Enum::name).containsExactly("MIXED", "UNFAVOURABLE");
    }
  }

  @Nested
  class IgnoredData {
    @Test
    void futureDatedDataAreListedWithTheirDatesOnTheCard() {
      Chart c = new Chart("male", "1970-03-01");
      c.primary("2020-01-10", "8310/3");
      c.lungMetastasis("2024-12-01", "active");
      c.lab("718-7", 9.0, "g/dL", "2027-01-01", "final");
      c.nephrectomy("2027-02-01");
      PatientFeatures p = features(c.record());
      assertThat(p.ignored()).extracting(Reason.FutureDated::date)
          .containsExactlyInAnyOrder(LocalDate.of(2027, 1, 1), LocalDate.of(2027, 2, 1));
      assertThat(p.nephrectomyDate().isKnown()).isFalse();
      var card = Item10CategoryRange.CARDS.build(ASSESSOR.assess(p), "p", "https://cds.example.org/rules").card();
      // The dates on the card; which chart entries they are is in the trace, never a FHIR id in the text.
      assertThat(card.detail()).contains("Dated after today, not used: 2 entries (").contains("2027-01-01").contains("2027-02-01")
          .doesNotContain("Observation/").doesNotContain("Procedure/");
    }

    @Test
    void aPreliminaryKarnofskyIsShownAsPreliminaryWithItsValueNeverAsNotRecorded() {
      Chart c = new Chart("male", "1970-03-01");
      c.primary("2020-01-10", "8310/3");
      c.lungMetastasis("2024-12-01", "active");
      c.score("89243-0", 70, "2026-11-20", "preliminary");
      var card = Item10CategoryRange.CARDS.build(assess(c), "p", "https://cds.example.org/rules").card();
      assertThat(card.detail()).contains("preliminary result only").contains("70").doesNotContain("Karnofsky not recorded");
    }
  }
}
