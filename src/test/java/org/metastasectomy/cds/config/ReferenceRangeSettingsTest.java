package org.metastasectomy.cds.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.metastasectomy.cds.model.Lab;

/**
 * Laboratory reference-range defaults are keyed by the lab's name in the model (HAEMOGLOBIN, CALCIUM, ...). A key the
 * model does not know — such as HEMOGLOBIN, the spelling before the model settled on one — stops the start instead of
 * being ignored, so a configured limit is never silently lost.
 */
class ReferenceRangeSettingsTest {
  @Test
  void aLabKeyBindsItsRange() {
    CdsProperties props = SettingNames.bind(Map.of("CDS_MODEL_REFERENCERANGES_HAEMOGLOBIN_ANY_LOW", "12.0"));
    assertThat(props.model().referenceRanges().get(Lab.HAEMOGLOBIN).any().low()).isEqualTo(12.0);
  }

  @Test
  void anUnknownLabKeyStopsTheStart() {
    assertThatThrownBy(() -> SettingNames.bind(Map.of("CDS_MODEL_REFERENCERANGES_HEMOGLOBIN_ANY_LOW", "12.0")))
        .hasMessageContaining("cds.model.reference-ranges");
  }
}
