package org.metastasectomy.cds.reading;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Quantity;
import org.junit.jupiter.api.Test;
import org.metastasectomy.cds.intake.PrefetchKeys;
import org.metastasectomy.cds.model.Datum;
import org.metastasectomy.cds.model.Histology;
import org.metastasectomy.cds.model.Item;
import org.metastasectomy.cds.model.Lab;
import org.metastasectomy.cds.model.PatientFeatures;
import org.metastasectomy.cds.model.Reason;

/** The reading layer says why a value is unknown, so a card can say it too: never just "not recorded" when it knows more. */
class UnknownReasonsTest {
  private static final LocalDate AS_OF = LocalDate.of(2026, 11, 27);
  private static final PatientFeatureMapper MAPPER = new PatientFeatureMapper(90, ReferenceRangeDefaults.none());

  @Test
  void aScoreOrLabOlderThanTheLookBackIsUnknownWithItsLastValueAndDate() {
    PatientFeatures p = MAPPER.map(record(Set.of(), List.of(
        observation("ecog-old", Codes.ECOG, "2026-03-01", 1, null),
        observation("hb-old", "718-7", "2026-01-15", 11.2, "g/dL"),
        observation("hb-older", "718-7", "2025-06-01", 9.0, "g/dL"))), AS_OF);

    assertThat(p.ecog().isKnown()).isFalse();
    Reason.OutsideLookback ecog = (Reason.OutsideLookback) p.ecog().why();
    assertThat(ecog.lookbackDays()).isEqualTo(90);
    assertThat(ecog.last()).isEqualTo(Datum.of(Item.ECOG, 1, null, LocalDate.of(2026, 3, 1), List.of("Observation/ecog-old")));

    Reason.OutsideLookback hb = (Reason.OutsideLookback) p.lab(Lab.HAEMOGLOBIN).why();
    assertThat(hb.last()).isEqualTo(
        Datum.of(Lab.HAEMOGLOBIN, 11.2, "g/dL", LocalDate.of(2026, 1, 15), List.of("Observation/hb-old")));
    assertThat(p.kps().why()).as("nothing older either").isEqualTo(Reason.NOT_RECORDED);
  }

  @Test
  void aRecentValueIsKnownWithItsDate() {
    PatientFeatures p = MAPPER.map(record(Set.of(), List.of(observation("ecog", Codes.ECOG, "2026-11-01", 2, null))), AS_OF);
    assertThat(p.ecog().value()).isEqualTo(2);
    assertThat(p.ecog().date()).isEqualTo(LocalDate.of(2026, 11, 1));
    assertThat(p.ecog().sources()).containsExactly("Observation/ecog");
  }

  @Test
  void whatAKeyThatCouldNotBeFetchedWouldHoldIsUnknownAsNotFetched() {
    PatientFeatures p = MAPPER.map(record(Set.of(PrefetchKeys.OBSERVATIONS, PrefetchKeys.MEDICATIONS), List.of()), AS_OF);
    Reason observations = new Reason.NotFetched(PrefetchKeys.describe(PrefetchKeys.OBSERVATIONS));
    assertThat(p.ecog().why()).isEqualTo(observations);
    assertThat(p.kps().why()).isEqualTo(observations);
    assertThat(p.tStage().why()).isEqualTo(observations);
    for (Lab lab : Lab.values()) {
      assertThat(p.lab(lab).why()).as(lab.name()).isEqualTo(observations);
    }
    assertThat(p.systemicTherapies().why()).isEqualTo(new Reason.NotFetched(PrefetchKeys.describe(PrefetchKeys.MEDICATIONS)));
    assertThat(p.medicationHistoryAvailable()).isFalse();
    assertThat(p.notFetched()).extracting(Reason.NotFetched::data)
        .containsExactly(PrefetchKeys.describe(PrefetchKeys.MEDICATIONS), PrefetchKeys.describe(PrefetchKeys.OBSERVATIONS));
    assertThat(p.nephrectomyDate().why()).as("procedures were fetched").isEqualTo(Reason.NOT_RECORDED);
    // Fetched and empty, the medication history is there: no therapy recorded then means untreated.
    PatientFeatures fetched = MAPPER.map(record(Set.of(PrefetchKeys.OBSERVATIONS), List.of()), AS_OF);
    assertThat(fetched.medicationHistoryAvailable()).isTrue();
    assertThat(fetched.systemicTherapies().value()).isEmpty();
  }

  @Test
  void histologyNotSpecificLeavesSarcomatoidNotRecorded() {
    PatientRecord r = record(Set.of(), List.of());
    Condition primary = r.conditions().get(0);
    primary.addExtension(new Extension(Codes.MCODE_HISTOLOGY_EXTENSION,
        new CodeableConcept(new Coding(Codes.ICDO3, Histology.RCC_NOS.icdO3(), null))));
    PatientFeatures p = MAPPER.map(r, AS_OF);
    assertThat(p.histology().value()).isEqualTo(Histology.RCC_NOS);
    // Sarcomatoid features are reported or not recorded: no histology code says they are absent (issue 11, item 6).
    assertThat(p.sarcomatoid().why()).isEqualTo(Reason.NOT_RECORDED);
  }

  private static PatientRecord record(Set<String> unavailable, List<Observation> observations) {
    Patient patient = new Patient();
    patient.setId("p1");
    Condition primary = new Condition();
    primary.setId("primary");
    primary.getCode().addCoding(new Coding(Codes.ICD10CM, "C64.1", null));
    primary.setOnset(new DateTimeType("2024-01-10"));
    Condition lung = new Condition();
    lung.setId("met-lung");
    lung.getCode().addCoding(new Coding(Codes.ICD10CM, "C78.00", null));
    lung.setOnset(new DateTimeType("2025-02-01"));
    lung.addExtension(new Extension(Codes.LESION_COUNT_EXTENSION, new IntegerType(1)));
    return new PatientRecord(patient, List.of(primary, lung), observations.stream().map(ObservationEntry::of).toList(),
        List.of(), List.of(), List.of(), List.of(), unavailable);
  }

  private static Observation observation(String id, String loinc, String date, double value, String unit) {
    Observation o = new Observation();
    o.setId(id);
    o.setStatus(Observation.ObservationStatus.FINAL);
    o.getCode().addCoding(new Coding(Codes.LOINC, loinc, null));
    o.setEffective(new DateTimeType(date));
    if (unit == null) {
      o.setValue(new IntegerType((int) value));
    } else {
      o.setValue(new Quantity().setValue(value).setCode(unit).setSystem("http://unitsofmeasure.org"));
    }
    return o;
  }
}
