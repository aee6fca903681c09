package org.metastasectomy.cds.clinical;

import static org.assertj.core.api.Assertions.assertThat;
import static org.metastasectomy.cds.clinical.ClinicalReviewTest.assess;
import static org.metastasectomy.cds.clinical.ClinicalReviewTest.rangeOf;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.metastasectomy.cds.model.Assessment;
import org.metastasectomy.cds.model.FactorResult;
import org.metastasectomy.cds.model.FactorStatus;
import org.metastasectomy.cds.model.RiskResult;
import org.metastasectomy.cds.model.RuleId;

/**
 * Every IMDC and MSKCC threshold at, just below and just above it (issue 11: the 12-month interval had no test). Each row
 * is one chart and the status a hand calculation gives; "today" is 2026-11-27.
 */
class RiskThresholdsTest {

  static FactorResult factor(RiskResult model, RuleId id) {
    return model.factors().stream().filter(f -> f.id() == id).findFirst().orElseThrow();
  }

  /** Clear cell RCC with a lung metastasis at diagnosis; the chart adds one value. */
  static Chart patient(String diagnosis) {
    Chart c = Chart.man();
    c.primary(diagnosis, "8310/3");
    c.lungMetastasis(diagnosis, "active");
    return c;
  }

  @ParameterizedTest(name = "KPS {0}% -> {1}")
  @CsvSource({"79, MET", "80, NOT_MET", "81, NOT_MET"})
  void karnofskyBelow80(int kps, FactorStatus expected) {
    Chart c = patient("2020-01-10");
    c.score("89243-0", kps, "2026-11-20", "final");
    Assessment a = assess(c);
    assertThat(factor(a.imdc(), RuleId.KPS_LT_80).status()).isEqualTo(expected);
    assertThat(factor(a.mskcc(), RuleId.KPS_LT_80).status()).isEqualTo(expected);
  }

  /** Diagnosis 2025-01-15; first-line therapy started the given day (completed months from diagnosis). */
  @ParameterizedTest(name = "therapy {0} ({1} months) -> {2}")
  @CsvSource({"2026-01-14, 11, MET", "2026-01-15, 12, NOT_MET", "2026-02-15, 13, NOT_MET"})
  void diagnosisToTreatmentUnderOneYear(String start, int months, FactorStatus expected) {
    Chart c = patient("2025-01-15");
    c.therapy("sunitinib", start, "active");
    Assessment a = assess(c);
    FactorResult imdc = factor(a.imdc(), RuleId.DIAG_TO_TREAT_LT_1Y);
    assertThat(imdc.status()).isEqualTo(expected);
    assertThat(imdc.get(org.metastasectomy.cds.model.Item.DIAGNOSIS_TO_TREATMENT).value()).isEqualTo((long) months);
    assertThat(factor(a.mskcc(), RuleId.DIAG_TO_TREAT_LT_1Y).status()).isEqualTo(expected);
  }

  /** Untreated (medication history read): the interval runs to today, 2026-11-27. */
  @ParameterizedTest(name = "untreated, diagnosed {0} -> {1}")
  @CsvSource({"2025-11-28, MET", "2025-11-27, NOT_MET", "2025-10-27, NOT_MET"})
  void untreatedIsCountedToToday(String diagnosis, FactorStatus expected) {
    assertThat(factor(assess(patient(diagnosis)).imdc(), RuleId.DIAG_TO_TREAT_LT_1Y).status()).isEqualTo(expected);
  }

  /**
   * Medication history not read: met only while any start would fall under 12 months (diagnosed under 12 months ago);
   * from 12 months on an unrecorded earlier start cannot be excluded, so unknown.
   */
  @ParameterizedTest(name = "medications unread, diagnosed {0} -> {1}")
  @CsvSource({"2025-11-28, MET", "2025-11-27, UNKNOWN", "2025-10-27, UNKNOWN"})
  void withoutTheMedicationHistoryOnlyARecentDiagnosisDecides(String diagnosis, FactorStatus expected) {
    var p = ClinicalReviewTest.features(patient(diagnosis).recordWithoutMedications());
    assertThat(factor(ClinicalReviewTest.ASSESSOR.assess(p).imdc(), RuleId.DIAG_TO_TREAT_LT_1Y).status()).isEqualTo(expected);
  }

  @ParameterizedTest(name = "Hb {0} vs LLN 13.5 -> {1}")
  @CsvSource({"13.4, MET", "13.5, NOT_MET", "13.6, NOT_MET"})
  void haemoglobinBelowLowerLimit(double hb, FactorStatus expected) {
    Chart c = patient("2020-01-10");
    rangeOf(c.lab("718-7", hb, "g/dL", "2026-11-20", "final"), 13.5, 17.5, "g/dL");
    Assessment a = assess(c);
    assertThat(factor(a.imdc(), RuleId.HB_LT_LLN).status()).isEqualTo(expected);
    assertThat(factor(a.mskcc(), RuleId.HB_LT_LLN).status()).isEqualTo(expected);
  }

  /** Albumin 4.0 g/dL: corrected calcium equals calcium. IMDC: > ULN 10.5; MSKCC: > 10 mg/dL. */
  @ParameterizedTest(name = "corrected Ca {0} -> IMDC {1}, MSKCC {2}")
  @CsvSource({"9.9, NOT_MET, NOT_MET", "10.0, NOT_MET, NOT_MET", "10.1, NOT_MET, MET",
      "10.4, NOT_MET, MET", "10.5, NOT_MET, MET", "10.6, MET, MET"})
  void correctedCalciumAboveLimits(double calcium, FactorStatus imdc, FactorStatus mskcc) {
    Chart c = patient("2020-01-10");
    rangeOf(c.lab("17861-6", calcium, "mg/dL", "2026-11-20", "final"), 8.5, 10.5, "mg/dL");
    c.lab("1751-7", 4.0, "g/dL", "2026-11-20", "final");
    Assessment a = assess(c);
    assertThat(factor(a.imdc(), RuleId.CORR_CA_GT_ULN).status()).isEqualTo(imdc);
    assertThat(factor(a.mskcc(), RuleId.CORR_CA_GT_10).status()).isEqualTo(mskcc);
  }

  @ParameterizedTest(name = "neutrophils {0} vs ULN 7.7 -> {1}")
  @CsvSource({"7.6, NOT_MET", "7.7, NOT_MET", "7.8, MET"})
  void neutrophilsAboveUpperLimit(double value, FactorStatus expected) {
    Chart c = patient("2020-01-10");
    rangeOf(c.lab("751-8", value, "10*9/L", "2026-11-20", "final"), 1.8, 7.7, "10*9/L");
    assertThat(factor(assess(c).imdc(), RuleId.NEUTROPHILS_GT_ULN).status()).isEqualTo(expected);
  }

  @ParameterizedTest(name = "platelets {0} vs ULN 400 -> {1}")
  @CsvSource({"399, NOT_MET", "400, NOT_MET", "401, MET"})
  void plateletsAboveUpperLimit(double value, FactorStatus expected) {
    Chart c = patient("2020-01-10");
    rangeOf(c.lab("777-3", value, "10*9/L", "2026-11-20", "final"), 150, 400, "10*9/L");
    assertThat(factor(assess(c).imdc(), RuleId.PLATELETS_GT_ULN).status()).isEqualTo(expected);
  }

  /** ULN 250 U/L: the cut-off is 1.5 × 250 = 375. */
  @ParameterizedTest(name = "LDH {0} vs 1.5 x ULN 375 -> {1}")
  @CsvSource({"374, NOT_MET", "375, NOT_MET", "376, MET"})
  void ldhAboveOneAndAHalfTimesUpperLimit(double value, FactorStatus expected) {
    Chart c = patient("2020-01-10");
    rangeOf(c.lab("2532-0", value, "U/L", "2026-11-20", "final"), 125, 250, "U/L");
    assertThat(factor(assess(c).mskcc(), RuleId.LDH_GT_1_5_ULN).status()).isEqualTo(expected);
  }
}
