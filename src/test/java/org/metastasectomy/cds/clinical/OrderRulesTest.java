package org.metastasectomy.cds.clinical;

import static org.assertj.core.api.Assertions.assertThat;
import static org.metastasectomy.cds.clinical.ClinicalReviewTest.assess;
import static org.metastasectomy.cds.clinical.ClinicalReviewTest.cards;

import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Procedure;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Every order-time rule, fired and not fired, one condition at a time (issue 11: the order rules had no unit test).
 * Each chart is read as the service reads it; "today" is 2026-11-27.
 */
class OrderRulesTest {

  /** Clear cell RCC diagnosed 2022-01-10, nephrectomy 2022-02-01, lung metastasis 2025-01-05 resected 2025-03-01. */
  static Chart resected(String lungStatus) {
    Chart c = ClinicalReviewTest.afterNephrectomy(lungStatus);
    c.lungMetastasectomy("2025-03-01", null);
    return c;
  }

  @Nested
  class Adjuvant {
    @Test
    void sorafenibAfterCompleteResectionIsWarnedLikePazopanib() {
      assertThat(cards(resected("resolved"), Chart.draftMedication("sorafenib")))
          .containsExactly("ADJUVANT_AFTER_METASTASECTOMY warning");
    }

    @Test
    void inactiveStatusIsNotActiveDisease() {
      assertThat(cards(resected("inactive"), Chart.draftMedication("pazopanib")))
          .containsExactly("ADJUVANT_AFTER_METASTASECTOMY warning");
    }

    @Test
    void anotherAgentIsNotAnAdjuvantTrialAgent() {
      assertThat(cards(resected("resolved"), Chart.draftMedication("sunitinib"))).noneMatch(s -> s.startsWith("ADJUVANT"));
    }

    @Test
    void noMetastasectomyNoAdjuvantCard() {
      assertThat(cards(ClinicalReviewTest.afterNephrectomy("resolved"), Chart.draftMedication("pazopanib")))
          .noneMatch(s -> s.startsWith("ADJUVANT"));
    }

    @Test
    void aMetastasectomyWithNoMetastasisConditionAtAllOnlyAsksToConfirm() {
      Chart c = Chart.man();
      c.primary("2022-01-10", "8310/3");
      c.lungMetastasectomy("2025-03-01", null);
      assertThat(cards(c, Chart.draftMedication("pazopanib"))).containsExactly("ADJUVANT_NED_UNCONFIRMED info");
    }

    @Test
    void aCompleteOutcomeIsNotIncomplete() {
      Chart c = ClinicalReviewTest.afterNephrectomy("resolved");
      Procedure p = c.lungMetastasectomy("2025-03-01", null);
      p.setOutcome(new CodeableConcept().setText("R0, complete resection"));
      assertThat(cards(c, Chart.draftMedication("pazopanib"))).containsExactly("ADJUVANT_AFTER_METASTASECTOMY warning");
    }

    @Test
    void anIncompleteOutcomeCodedNotWrittenCountsToo() {
      Chart c = ClinicalReviewTest.afterNephrectomy("resolved");
      Procedure p = c.lungMetastasectomy("2025-03-01", null);
      p.setOutcome(new CodeableConcept(new Coding("http://example.org/residual-tumour", "R2", null)));
      assertThat(cards(c, Chart.draftMedication("pazopanib"))).noneMatch(s -> s.startsWith("ADJUVANT"));
    }

    @Test
    void aSurgeryWhoseReasonIsAMetastasisCountsAsMetastasectomy() {
      Chart c = ClinicalReviewTest.afterNephrectomy("resolved");
      Condition liver = c.metastasis("C78.7", "2025-01-05", "resolved");
      c.surgery("14734007", "2025-03-01", liver); // any procedure code; the reason makes it a metastasectomy
      assertThat(cards(c, Chart.draftMedication("pazopanib"))).containsExactly("ADJUVANT_AFTER_METASTASECTOMY warning");
    }

    @Test
    void theAdjuvantCardsReplaceTheTumourBoardCardButDiseasePresentDoesNot() {
      // Favourable profile (solitary lung, long DFI), no tumour board, untreated.
      Chart c = new Chart("male", "1970-03-01");
      c.primary("2020-01-10", "8310/3");
      c.nephrectomy("2020-02-01");
      Condition lung = c.lungMetastasis("2024-12-01", "active");
      c.lungMetastasectomy("2025-01-15", lung);
      assertThat(cards(c, Chart.draftMedication("pazopanib"))).containsExactly("SYSTEMIC_BEFORE_TUMOUR_BOARD info");
    }

    @Test
    void onlyThePazopanibOrSorafenibOrderIsLeftToTheAdjuvantCardOtherAgentsStillAskForTheTumourBoard() {
      // Favourable profile (one lung metastasis, long DFI), resected, its status not recorded: NED unconfirmed.
      Chart c = new Chart("male", "1970-03-01");
      c.primary("2020-01-10", "8310/3");
      c.nephrectomy("2020-02-01");
      Condition lung = c.lungMetastasis("2024-12-01", null);
      c.lungMetastasectomy("2025-01-15", lung);
      assertThat(cards(c, Chart.draftMedication("pazopanib"))).containsExactly("ADJUVANT_NED_UNCONFIRMED info");
      assertThat(cards(c, Chart.draftMedication("cabozantinib"))).containsExactly("SYSTEMIC_BEFORE_TUMOUR_BOARD info");
    }
  }

  @Nested
  class ChestRadiograph {
    Chart staging(String tCategory) {
      Chart c = Chart.man();
      c.primary("2026-11-01", "8310/3");
      c.tnm("21905-5", tCategory, "2026-11-01");
      return c;
    }

    @Test
    void theTCategoryCutOffIsT2() {
      assertThat(cards(staging("cT1b"), Chart.draftChestRadiograph())).isEmpty();
      assertThat(cards(staging("cT2a"), Chart.draftChestRadiograph())).containsExactly("CHEST_RADIOGRAPH_STAGING info");
    }

    @Test
    void anUnknownTCategoryIsNotQuestioned() {
      Chart c = Chart.man();
      c.primary("2026-11-01", "8310/3");
      assertThat(cards(c, Chart.draftChestRadiograph())).isEmpty();
    }

    @Test
    void aReasonReferenceToAnotherConditionIsAnotherReason() {
      ServiceRequest cxr = Chart.draftChestRadiograph();
      cxr.addReasonReference(new Reference("Condition/pneumonia-1"));
      assertThat(cards(staging("cT3a"), cxr)).isEmpty();
    }

    @Test
    void aSnomedRccReasonIsTheRcc() {
      ServiceRequest cxr = Chart.draftChestRadiograph();
      cxr.addReasonCode(new CodeableConcept(new Coding(Chart.SNOMED, "702391001", null)));
      Chart operated = staging("cT3a");
      operated.nephrectomy("2026-11-20"); // staging over, but the order says it is for the RCC
      assertThat(cards(operated, cxr)).containsExactly("CHEST_RADIOGRAPH_STAGING info");
    }

    @Test
    void withoutAReasonAndWithoutTheMedicationHistoryStagingIsNotAssumed() {
      Chart c = staging("cT3a");
      assertThat(ClinicalReviewTest.features(c.recordWithoutMedications()).initialStagingUnderWay()).isFalse();
      assertThat(ClinicalReviewTest.features(c.record()).initialStagingUnderWay()).isTrue();
    }
  }

  @Nested
  class CytoreductiveNephrectomy {
    @Test
    void metachronousDiseaseIsNotAskedAbout() {
      Chart c = Chart.man();
      c.primary("2025-01-15", "8310/3");
      c.lungMetastasis("2025-06-01", "active"); // 4 months after diagnosis
      c.boneMetastasis("2025-06-01", "active");
      assertThat(cards(c, Chart.draftNephrectomy())).isEmpty();
    }

    @Test
    void noMetastasisNoCard() {
      Chart c = Chart.man();
      c.primary("2026-10-01", "8310/3");
      assertThat(cards(c, Chart.draftNephrectomy())).isEmpty();
    }

    @Test
    void imdcFavourableIsNotAskedAbout() {
      // Synchronous, but treated 13 months after diagnosis with every IMDC lab normal and KPS 90: IMDC favourable.
      Chart c = Chart.man();
      c.primary("2025-01-15", "8310/3");
      c.lungMetastasis("2025-01-20", "active");
      c.therapy("sunitinib", "2026-02-16", "active");
      c.score("89243-0", 90, "2026-11-20", "final");
      ClinicalReviewTest.normalImdcLabs(c, "2026-11-20");
      assertThat(assess(c).imdc().groups()).containsExactly(org.metastasectomy.cds.model.RiskGroup.FAVOURABLE);
      assertThat(cards(c, Chart.draftNephrectomy())).isEmpty();
    }
  }

  @Nested
  class SystemicBeforeTumourBoard {
    @Test
    void aDocumentedTumourBoardQuietsIt() {
      Chart c = new Chart("male", "1970-03-01");
      c.primary("2020-01-10", "8310/3");
      c.nephrectomy("2020-02-01");
      c.lungMetastasis("2024-12-01", "active");
      ServiceRequest board = new ServiceRequest();
      board.setId("tb1");
      board.getCode().addCoding(new Coding("http://metastasectomy-cds.org/fhir/CodeSystem/mrcc-cds", "tumor-board-review", null));
      board.setAuthoredOnElement(new org.hl7.fhir.r4.model.DateTimeType("2025-01-02"));
      c.serviceRequest(board);
      assertThat(cards(c, Chart.draftMedication("cabozantinib"))).isEmpty();
    }

    @Test
    void itCitesTheChartEntriesOfTheFavourableFactorsMet() {
      Chart c = new Chart("male", "1970-03-01");
      c.primary("2020-01-10", "8310/3");
      c.nephrectomy("2020-02-01");
      Condition lung = c.lungMetastasis("2024-12-01", "active");
      var a = assess(c);
      var orders = ClinicalReviewTest.DRAFTS.read(Chart.orders(Chart.draftMedication("cabozantinib")), java.util.List.of());
      assertThat(ClinicalReviewTest.ORDER_RULES.evaluate(a, orders)).singleElement().satisfies(alert -> {
        assertThat(alert.result().sources()).contains("Condition/" + lung.getIdElement().getIdPart());
        assertThat(alert.result().sources()).containsExactlyInAnyOrderElementsOf(
            a.favourableMet().stream().flatMap(r -> r.result().sources().stream()).distinct().toList());
      });
    }

    @Test
    void aMixedProfileIsNotAskedAbout() {
      Chart c = new Chart("male", "1950-03-01"); // 76: age > 65 and (lung) > 70 unfavourable
      c.primary("2020-01-10", "8310/3");
      c.nephrectomy("2020-02-01");
      c.lungMetastasis("2024-12-01", "active");
      assertThat(cards(c, Chart.draftMedication("cabozantinib"))).isEmpty();
    }

    @Test
    void withoutTheMedicationHistoryFirstLineCannotBeToldAndNothingIsSaid() {
      Chart c = new Chart("male", "1970-03-01");
      c.primary("2020-01-10", "8310/3");
      c.nephrectomy("2020-02-01");
      c.lungMetastasis("2024-12-01", "active");
      var orders = ClinicalReviewTest.DRAFTS.read(Chart.orders(Chart.draftMedication("cabozantinib")), java.util.List.of());
      var a = ClinicalReviewTest.ASSESSOR.assess(ClinicalReviewTest.features(c.recordWithoutMedications()));
      assertThat(ClinicalReviewTest.ORDER_RULES.evaluate(a, orders)).isEmpty();
    }
  }

  @Test
  void noRccNoOrderCard() {
    Chart c = Chart.man();
    c.lungMetastasis("2025-01-05", "active");
    assertThat(cards(c, Chart.draftChestRadiograph(), Chart.draftMedication("pazopanib"), Chart.draftNephrectomy())).isEmpty();
  }
}
