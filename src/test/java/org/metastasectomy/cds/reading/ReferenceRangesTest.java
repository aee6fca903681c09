package org.metastasectomy.cds.reading;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Observation.ObservationReferenceRangeComponent;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Range;
import org.junit.jupiter.api.Test;

/** The limits of normal that apply to this patient, or none: a range for someone else is never used. */
class ReferenceRangesTest {

  private static ObservationReferenceRangeComponent range(double low) {
    return new ObservationReferenceRangeComponent().setLow(new Quantity(low));
  }

  private static CodeableConcept snomed(String code) {
    return new CodeableConcept().addCoding(new Coding(Codes.SNOMED, code, null));
  }

  private static Range age(Double low, Double high, String unit) {
    Range r = new Range();
    if (low != null) {
      r.setLow(new Quantity(low).setCode(unit));
    }
    if (high != null) {
      r.setHigh(new Quantity(high).setUnit(unit));
    }
    return r;
  }

  private static Optional<Double> chosen(Observation o, String sex, Integer age) {
    return ReferenceRanges.forPatient(o, sex, age).map(r -> r.getLow().getValue().doubleValue());
  }

  @Test
  void onlyNormalOrUntypedRangesAreLimitsOfNormal() {
    Observation o = new Observation();
    o.addReferenceRange(range(1).setType(new CodeableConcept().addCoding(
        new Coding(ReferenceRanges.MEANING, "therapeutic", null))));
    o.addReferenceRange(range(2).setType(new CodeableConcept().addCoding(new Coding("urn:other", "normal", null))));
    o.addReferenceRange(range(3).setType(new CodeableConcept().setText("recommended")));
    assertThat(chosen(o, "male", 60)).isEmpty();

    o.addReferenceRange(range(4).setType(new CodeableConcept().addCoding(new Coding(null, "normal", null))));
    assertThat(chosen(o, "male", 60)).contains(4.0);
    Observation typed = new Observation().addReferenceRange(range(5).setType(new CodeableConcept().addCoding(
        new Coding(ReferenceRanges.MEANING, "normal", null))));
    assertThat(chosen(typed, "male", 60)).contains(5.0);
    Observation emptyType = new Observation().addReferenceRange(range(6).setType(new CodeableConcept()));
    assertThat(chosen(emptyType, null, null)).contains(6.0);
  }

  @Test
  void aRangeForOneSexFitsOnlyThatSexAndAnUncheckableConceptNeverFits() {
    Observation o = new Observation()
        .addReferenceRange(range(13).addAppliesTo(snomed(ReferenceRanges.MALE)))
        .addReferenceRange(range(12).addAppliesTo(snomed(ReferenceRanges.FEMALE)));
    assertThat(chosen(o, "male", 50)).contains(13.0);
    assertThat(chosen(o, "female", 50)).contains(12.0);
    assertThat(chosen(o, "unknown", 50)).isEmpty();
    assertThat(chosen(o, null, 50)).isEmpty();

    Observation both = new Observation().addReferenceRange(range(1)
        .addAppliesTo(snomed(ReferenceRanges.MALE)).addAppliesTo(snomed("77386006"))); // and pregnant
    assertThat(chosen(both, "male", 50)).isEmpty();
    Observation wrongSystem = new Observation().addReferenceRange(range(1)
        .addAppliesTo(new CodeableConcept().addCoding(new Coding("urn:x", ReferenceRanges.MALE, null))));
    assertThat(chosen(wrongSystem, "male", 50)).isEmpty();
    Observation noCode = new Observation().addReferenceRange(range(1)
        .addAppliesTo(new CodeableConcept().addCoding(new Coding(Codes.SNOMED, null, "male"))));
    assertThat(chosen(noCode, null, 50)).isEmpty();
  }

  @Test
  void anAgeRangeFitsOnlyAKnownAgeWithinItsBoundsInYears() {
    Observation o = new Observation().addReferenceRange(range(1).setAge(age(18.0, 65.0, "a")));
    assertThat(chosen(o, "male", 18)).contains(1.0);
    assertThat(chosen(o, "male", 65)).contains(1.0);
    assertThat(chosen(o, "male", 17)).isEmpty();
    assertThat(chosen(o, "male", 66)).isEmpty();
    assertThat(chosen(o, "male", null)).isEmpty();

    assertThat(chosen(new Observation().addReferenceRange(range(2).setAge(age(18.0, null, "years"))), "male", 90))
        .contains(2.0);
    assertThat(chosen(new Observation().addReferenceRange(range(3).setAge(age(null, 40.0, "yr"))), "male", 30))
        .contains(3.0);
    assertThat(chosen(new Observation().addReferenceRange(range(4).setAge(age(18.0, null, "mo"))), "male", 30))
        .as("months cannot be checked").isEmpty();
    assertThat(chosen(new Observation().addReferenceRange(range(5).setAge(age(null, 40.0, null))), "male", 30))
        .as("no unit").isEmpty();
  }

  @Test
  void theMostSpecificFittingRangeWinsAndOfEqualOnesTheFirst() {
    Observation o = new Observation()
        .addReferenceRange(range(1))
        .addReferenceRange(range(2).addAppliesTo(snomed(ReferenceRanges.MALE)))
        .addReferenceRange(range(3).addAppliesTo(snomed(ReferenceRanges.MALE)).setAge(age(18.0, 99.0, "a")))
        .addReferenceRange(range(4).addAppliesTo(snomed(ReferenceRanges.MALE)).setAge(age(18.0, 99.0, "a")));
    assertThat(chosen(o, "male", 50)).contains(3.0);
    assertThat(chosen(o, "male", 10)).contains(2.0);
    assertThat(chosen(o, "female", 50)).contains(1.0);

    Observation ageOnly = new Observation()
        .addReferenceRange(range(1))
        .addReferenceRange(range(2).setAge(age(18.0, 99.0, "a")));
    assertThat(chosen(ageOnly, "female", 50)).contains(2.0);
    assertThat(chosen(new Observation(), "female", 50)).isEmpty();
  }
}
