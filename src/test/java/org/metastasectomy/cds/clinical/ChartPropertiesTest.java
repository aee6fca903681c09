package org.metastasectomy.cds.clinical;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Procedure;
import org.hl7.fhir.r4.model.Quantity;
import org.junit.jupiter.api.Test;
import org.metastasectomy.cds.model.DiseaseStatus;
import org.metastasectomy.cds.model.Fact;
import org.metastasectomy.cds.model.Histology;
import org.metastasectomy.cds.model.Lab;
import org.metastasectomy.cds.model.LabValue;
import org.metastasectomy.cds.model.PatientFeatures;
import org.metastasectomy.cds.support.ForAll;

/**
 * Properties of the whole reading and the order rules over random charts built as an EHR codes them, with a wide
 * generator: every histology code (8318/3 included), every Condition clinicalStatus and none, Observation statuses
 * (final, preliminary, amended, entered-in-error…), dates from 2010 to two years ahead (future ones included), and
 * several reference ranges per result (each sex, therapeutic, age-specific). Each property is a rule of issue 11.
 */
class ChartPropertiesTest {
  static final LocalDate TODAY = ClinicalReviewTest.TODAY;
  static final LocalDate LATEST_ACCEPTED = TODAY.plusDays(1);
  static final String[] MORPHOLOGY = {"8310/3", "8260/3", "8317/3", "8318/3", "8319/3", "8312/3", null};
  static final String[] CLINICAL = {"active", "recurrence", "relapse", "inactive", "remission", "resolved", null};
  static final String[] OBS_STATUS = {"final", "amended", "corrected", "preliminary", "entered-in-error", "cancelled"};
  static final String[] MET_ICD = {"C78.01", "C79.51", "C78.7", "C79.31", "C77.2", "C79.71"};
  static final String[] AGENTS = {"sunitinib", "pazopanib", "sorafenib", "pembrolizumab", "cabozantinib"};
  static final String[] THERAPY_STATUS = {"active", "completed", "stopped", "on-hold", "cancelled", "draft"};
  static final String[] OUTCOMES = {"R0", "R1", "complete resection", "incomplete resection", null};

  static String date(Random r) {
    return ForAll.maybe(r, 0.15, () -> LocalDate.of(2010, 1, 1).plusDays(r.nextInt(18 * 365)).toString());
  }

  static Chart chart(Random r) {
    Chart c = new Chart(r.nextBoolean() ? "male" : "female", LocalDate.of(1930 + r.nextInt(70), 1 + r.nextInt(12), 1).toString());
    c.primary(date(r), ForAll.oneOf(r, MORPHOLOGY));
    for (int i = r.nextInt(4); i > 0; i--) {
      Condition met = c.metastasis(ForAll.oneOf(r, MET_ICD), date(r), ForAll.oneOf(r, CLINICAL));
      if (r.nextInt(3) == 0) {
        Procedure p = c.lungMetastasectomy(date(r), r.nextBoolean() ? met : null);
        String outcome = ForAll.oneOf(r, OUTCOMES);
        if (outcome != null) {
          p.setOutcome(new CodeableConcept().setText(outcome));
        }
      }
    }
    if (r.nextBoolean()) {
      c.nephrectomy(date(r));
    }
    if (r.nextBoolean()) {
      c.tnm("21907-1", r.nextBoolean() ? "cM1" : "cM0", date(r));
    }
    for (int i = r.nextInt(3); i > 0; i--) {
      c.therapy(ForAll.oneOf(r, AGENTS), date(r), ForAll.oneOf(r, THERAPY_STATUS));
    }
    if (r.nextBoolean()) {
      c.histology(ForAll.oneOf(r, MORPHOLOGY) == null ? "8318/3" : ForAll.oneOf(r, MORPHOLOGY), date(r));
    }
    c.score("89243-0", 10 * ForAll.between(r, 3, 10), date(r), ForAll.oneOf(r, OBS_STATUS));
    for (String loinc : List.of("718-7", "17861-6", "1751-7", "777-3")) {
      for (int i = r.nextInt(3); i > 0; i--) {
        Observation o = c.lab(loinc, ForAll.between(r, 1.0, 400.0), "g/dL".equals(unit(loinc)) ? "g/dL" : unit(loinc),
            date(r), ForAll.oneOf(r, OBS_STATUS));
        for (int k = r.nextInt(4); k > 0; k--) {
          Observation.ObservationReferenceRangeComponent range = o.addReferenceRange()
              .setLow(new Quantity(ForAll.between(r, 0.5, 50.0)).setUnit(unit(loinc)))
              .setHigh(new Quantity(ForAll.between(r, 50.0, 500.0)).setUnit(unit(loinc)));
          int kind = r.nextInt(4);
          if (kind == 1) {
            range.addAppliesTo(new CodeableConcept(new Coding(Chart.SNOMED, r.nextBoolean() ? "248153007" : "248152002", null)));
          } else if (kind == 2) {
            range.setType(new CodeableConcept(new Coding("http://terminology.hl7.org/CodeSystem/referencerange-meaning", "therapeutic", null)));
          } else if (kind == 3) {
            range.setAge(new org.hl7.fhir.r4.model.Range().setLow(new Quantity(ForAll.between(r, 0, 60)).setUnit("a")));
          }
        }
      }
    }
    return c;
  }

  static String unit(String loinc) {
    return switch (loinc) {
      case "17861-6" -> "mg/dL";
      case "777-3" -> "10*9/L";
      default -> "g/dL";
    };
  }

  static boolean accepted(Fact<LocalDate> f) {
    return !f.isKnown() || !f.value().isAfter(LATEST_ACCEPTED);
  }

  @Test
  void noDateAfterTodayPlusTheAllowanceReachesTheModel() {
    ForAll.check("no future date is used", 300, r -> {
      PatientFeatures p = ClinicalReviewTest.features(chart(r).record());
      assertThat(accepted(p.diagnosisDate())).isTrue();
      assertThat(accepted(p.nephrectomyDate())).isTrue();
      assertThat(p.metastases()).allMatch(m -> accepted(m.onset()));
      assertThat(p.metastasectomies()).allMatch(m -> accepted(m.date()));
      if (p.systemicTherapies().isKnown()) {
        assertThat(p.systemicTherapies().value()).allMatch(t -> accepted(t.start()));
      }
      for (Lab lab : Lab.values()) {
        Fact<LabValue> v = p.lab(lab);
        assertThat(!v.isKnown() || !v.value().date().isAfter(LATEST_ACCEPTED)).as(lab.name()).isTrue();
      }
      assertThat(p.ignored()).allMatch(f -> f.date().isAfter(LATEST_ACCEPTED));
    });
  }

  @Test
  void sarcomatoidIsReportedOrUnknownAndNeverASubtype() {
    ForAll.check("sarcomatoid never inferred absent", 300, r -> {
      PatientFeatures p = ClinicalReviewTest.features(chart(r).record());
      assertThat(!p.sarcomatoid().isKnown() || p.sarcomatoid().value()).isTrue();
      assertThat(!p.histology().isKnown() || p.histology().value() != Histology.SARCOMATOID).isTrue();
    });
  }

  @Test
  void theAdjuvantWarningNeverFiresWithDiseasePresentOrCompletenessUnknown() {
    ForAll.check("adjuvant warning only after a complete resection", 300, r -> {
      Chart c = chart(r);
      List<String> cards = ClinicalReviewTest.cards(c, Chart.draftMedication("pazopanib"));
      PatientFeatures p = ClinicalReviewTest.features(c.record());
      if (cards.contains("ADJUVANT_AFTER_METASTASECTOMY warning")) {
        assertThat(p.metastases()).isNotEmpty().allMatch(m -> m.status() == DiseaseStatus.NOT_ACTIVE);
        assertThat(p.metastasectomies()).isNotEmpty()
            .allMatch(m -> !m.recordedIncomplete() && m.date().isKnown() && !m.date().value().isAfter(LATEST_ACCEPTED));
      }
      assertThat(cards.stream().filter(s -> s.startsWith("ADJUVANT"))).hasSizeLessThanOrEqualTo(1);
    });
  }
}
