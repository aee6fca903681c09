package org.metastasectomy.cds.reading;

import java.util.Optional;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Quantity;
import org.metastasectomy.cds.model.Fact;
import org.metastasectomy.cds.model.Lab;
import org.metastasectomy.cds.model.LabValue;

/**
 * A laboratory Observation as a value in the lab's canonical unit, with its reference limits from the Observation's
 * range that fits the patient ({@link ReferenceRanges}) or, failing that, from the hospital's configured defaults for
 * the patient's sex. A unit that cannot be converted is no value.
 */
final class LabResults {
  static final String CONFIGURED_DEFAULT = "configured default";

  private final String sex;
  private final Integer ageYears;
  private final ReferenceRangeDefaults defaults;

  /** @param ageYears the patient's age in years, or null when unknown (then no age-specific range fits) */
  LabResults(String sex, Integer ageYears, ReferenceRangeDefaults defaults) {
    this.sex = sex;
    this.ageYears = ageYears;
    this.defaults = defaults;
  }

  Optional<LabValue> read(Lab lab, Observation o) {
    Quantity q = o.getValueQuantity();
    if (!q.hasValue()) {
      return Optional.empty();
    }
    String unit = unitOf(q);
    Optional<Double> value = Units.toCanonical(lab, q.getValue().doubleValue(), unit);
    if (value.isEmpty()) {
      return Optional.empty();
    }
    Fact<Double> low = Fact.unknown();
    Fact<Double> high = Fact.unknown();
    String ref = ConditionReader.ref(o);
    Optional<Observation.ObservationReferenceRangeComponent> range = ReferenceRanges.forPatient(o, sex, ageYears);
    if (range.isPresent()) {
      low = limit(lab, range.get().getLow(), unit, ref);
      high = limit(lab, range.get().getHigh(), unit, ref);
    }
    Optional<ReferenceRangeDefaults.Range> fallback = defaults.find(lab, sex);
    if (!low.isKnown() && fallback.isPresent() && fallback.get().low() != null) {
      low = Fact.of(fallback.get().low(), CONFIGURED_DEFAULT);
    }
    if (!high.isKnown() && fallback.isPresent() && fallback.get().high() != null) {
      high = Fact.of(fallback.get().high(), CONFIGURED_DEFAULT);
    }
    String specimen = o.hasSpecimen() && o.getSpecimen().hasReference() ? o.getSpecimen().getReference() : null;
    return Optional.of(new LabValue(value.get(), low, high, ObservationReader.effective(o), ref, specimen));
  }

  private static Fact<Double> limit(Lab lab, Quantity q, String valueUnit, String ref) {
    if (q == null || !q.hasValue()) {
      return Fact.unknown();
    }
    String unit = q.hasCode() || q.hasUnit() ? unitOf(q) : valueUnit;
    return Units.toCanonical(lab, q.getValue().doubleValue(), unit).map(v -> Fact.of(v, ref)).orElse(Fact.unknown());
  }

  private static String unitOf(Quantity q) {
    return q.hasCode() ? q.getCode() : q.getUnit();
  }
}
