package org.metastasectomy.cds.reading;

import java.util.Map;
import java.util.Optional;
import org.metastasectomy.cds.model.Lab;

/**
 * Converts lab values to each lab's canonical unit, by UCUM unit code. Molar conversions use the molar masses behind
 * the usual clinical factors (calcium 40.08 g/mol: mmol/L × 4.008 = mg/dL; haemoglobin (monomer) mmol/L × 1.611 = g/dL).
 * An unrecognised unit leaves the value unknown rather than guessing.
 */
final class Units {
  private Units() {}

  private static final Map<String, Double> COUNT_PER_LITRE = Map.of(
      "10*9/L", 1.0, "10*3/uL", 1.0, "10^9/L", 1.0, "10^3/uL", 1.0, "10*3/mm3", 1.0, "/nL", 1.0, "10.e9/L", 1.0);
  private static final Map<String, Double> ENZYME = Map.of("U/L", 1.0, "[IU]/L", 1.0, "IU/L", 1.0, "u/L", 1.0);

  private static final Map<Lab, Map<String, Double>> FACTORS = Map.of(
      Lab.HAEMOGLOBIN, Map.of("g/dL", 1.0, "g/L", 0.1, "mmol/L", 1.611),
      Lab.CALCIUM, Map.of("mg/dL", 1.0, "mmol/L", 4.008, "mg/L", 0.1),
      Lab.ALBUMIN, Map.of("g/dL", 1.0, "g/L", 0.1),
      Lab.NEUTROPHILS, COUNT_PER_LITRE,
      Lab.PLATELETS, COUNT_PER_LITRE,
      Lab.LDH, ENZYME,
      Lab.ALKALINE_PHOSPHATASE, ENZYME,
      Lab.CRP, Map.of("mg/L", 1.0, "mg/dL", 10.0));

  static Optional<Double> toCanonical(Lab lab, double value, String unit) {
    if (unit == null || !Double.isFinite(value)) {
      // 1e999 in JSON reads as infinity: garbage, not a lab value beyond every threshold.
      return Optional.empty();
    }
    Double factor = FACTORS.get(lab).get(unit.trim());
    return factor == null ? Optional.empty() : Optional.of(value * factor);
  }
}
