package org.metastasectomy.cds.reading;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.metastasectomy.cds.model.Lab;

/** Conversions to each lab's canonical unit; an unknown unit is never guessed. */
class UnitsTest {
  @Test
  void haemoglobin() {
    assertThat(Units.toCanonical(Lab.HAEMOGLOBIN, 135, "g/L")).hasValueSatisfying(v -> assertThat(v).isEqualTo(13.5, org.assertj.core.data.Offset.offset(1e-9)));
    assertThat(Units.toCanonical(Lab.HAEMOGLOBIN, 8.0, "mmol/L")).hasValueSatisfying(v -> assertThat(v).isEqualTo(12.888, org.assertj.core.data.Offset.offset(1e-9)));
  }

  @Test
  void calciumCountsAndCrp() {
    assertThat(Units.toCanonical(Lab.CALCIUM, 2.5, "mmol/L")).hasValueSatisfying(v -> assertThat(v).isEqualTo(10.02, org.assertj.core.data.Offset.offset(1e-9)));
    assertThat(Units.toCanonical(Lab.PLATELETS, 250, "10*3/uL")).contains(250.0);
    assertThat(Units.toCanonical(Lab.CRP, 0.31, "mg/dL")).hasValueSatisfying(v -> assertThat(v).isEqualTo(3.1, org.assertj.core.data.Offset.offset(1e-9)));
  }

  @Test
  void unknownOrMissingUnitLeavesTheValueUnknown() {
    assertThat(Units.toCanonical(Lab.HAEMOGLOBIN, 13, "mg/dL")).isEmpty();
    assertThat(Units.toCanonical(Lab.CRP, 3, null)).isEmpty();
    assertThat(Units.toCanonical(Lab.CALCIUM, 9.5, "mEq/L")).isEmpty();
  }
}
