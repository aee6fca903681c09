package org.metastasectomy.cds.model;

import java.time.LocalDate;

/**
 * A lab result in its canonical unit, with the reference limits (in the same unit) from the Observation or from the
 * configured defaults; a limit is unknown when neither is available.
 *
 * @param specimen the Observation's specimen reference, or null (corrected calcium needs calcium and albumin of one draw)
 */
public record LabValue(double value, Fact<Double> lowerLimit, Fact<Double> upperLimit, LocalDate date, String source,
    String specimen) {

  public LabValue(double value, Fact<Double> lowerLimit, Fact<Double> upperLimit, LocalDate date, String source) {
    this(value, lowerLimit, upperLimit, date, source, null);
  }

  /** Drawn together with the other result: the same specimen, or the same calendar day. */
  public boolean sameDrawAs(LabValue other) {
    if (specimen != null && specimen.equals(other.specimen)) {
      return true;
    }
    return date != null && date.equals(other.date);
  }
}
