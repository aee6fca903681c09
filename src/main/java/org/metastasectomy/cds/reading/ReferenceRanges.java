package org.metastasectomy.cds.reading;

import java.util.Comparator;
import java.util.Optional;
import java.util.Set;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Observation.ObservationReferenceRangeComponent;
import org.hl7.fhir.r4.model.Quantity;

/**
 * Chooses, among an Observation's referenceRange entries, the limits of normal that apply to this patient: only ranges
 * of type normal (or untyped: FHIR says a range without type is the normal range) — a therapeutic or recommended range
 * is not a limit of normal; a range's appliesTo must name the patient's sex (SNOMED 248153007 male, 248152002 female,
 * ValueSet referencerange-appliesto) and its age must contain the patient's age; a range with neither applies to
 * everyone. The most specific fitting range wins (sex and age, then one of them, then neither). A range for another
 * sex, for another population (race, pregnancy), or with an age when the patient's age is unknown never fits.
 */
final class ReferenceRanges {
  private ReferenceRanges() {}

  static final String MEANING = "http://terminology.hl7.org/CodeSystem/referencerange-meaning";
  static final String MALE = "248153007";
  static final String FEMALE = "248152002";
  private static final Set<String> YEARS = Set.of("a", "yr", "year", "years");

  static Optional<ObservationReferenceRangeComponent> forPatient(Observation o, String sex, Integer ageYears) {
    return o.getReferenceRange().stream()
        .filter(ReferenceRanges::isNormalRange)
        .filter(r -> fitsSex(r, sex) && fitsAge(r, ageYears))
        .max(Comparator.comparingInt(ReferenceRanges::specificity)); // of equally specific ones, the first
  }

  private static int specificity(ObservationReferenceRangeComponent r) {
    return (r.hasAppliesTo() ? 1 : 0) + (r.hasAge() ? 1 : 0);
  }

  private static boolean isNormalRange(ObservationReferenceRangeComponent r) {
    if (!r.hasType() || r.getType().getCoding().isEmpty() && !r.getType().hasText()) {
      return true;
    }
    return r.getType().getCoding().stream().anyMatch(c -> "normal".equals(c.getCode())
        && (c.getSystem() == null || MEANING.equals(c.getSystem())));
  }

  private static boolean fitsSex(ObservationReferenceRangeComponent r, String sex) {
    if (!r.hasAppliesTo()) {
      return true;
    }
    String wanted = "male".equals(sex) ? MALE : "female".equals(sex) ? FEMALE : null;
    // Every appliesTo concept must hold for the patient: one we cannot check (race, pregnancy) does not fit.
    for (CodeableConcept cc : r.getAppliesTo()) {
      boolean matches = cc.getCoding().stream().anyMatch(c -> isSnomed(c) && c.getCode() != null && c.getCode().equals(wanted));
      if (!matches) {
        return false;
      }
    }
    return true;
  }

  private static boolean isSnomed(Coding c) {
    return Codes.SNOMED.equals(c.getSystem());
  }

  private static boolean fitsAge(ObservationReferenceRangeComponent r, Integer ageYears) {
    if (!r.hasAge()) {
      return true;
    }
    if (ageYears == null) {
      return false;
    }
    Quantity low = r.getAge().getLow();
    Quantity high = r.getAge().getHigh();
    return bound(low, true, ageYears) && bound(high, false, ageYears);
  }

  /** An absent bound is open; a bound in a unit other than years cannot be checked and does not fit. */
  private static boolean bound(Quantity q, boolean lower, int ageYears) {
    if (q == null || !q.hasValue()) {
      return true;
    }
    String unit = q.hasCode() ? q.getCode() : q.getUnit();
    if (unit == null || !YEARS.contains(unit)) {
      return false;
    }
    double v = q.getValue().doubleValue();
    return lower ? ageYears >= v : ageYears <= v;
  }
}
