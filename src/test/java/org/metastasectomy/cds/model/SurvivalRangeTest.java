package org.metastasectomy.cds.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** How a five-year survival range from the review's Table 1 is worded on the card: as published, nothing added. */
class SurvivalRangeTest {

  @Test
  void aRangeIsWrittenLowToHighWithoutSpuriousDecimals() {
    assertThat(range(37, 54, null).text()).isEqualTo("37–54%");
    assertThat(range(21.5, 45, null).text()).isEqualTo("21.5–45%");
  }

  @Test
  void aSingleFigureIsNotWrittenAsARange() {
    assertThat(range(40, 40, null).text()).isEqualTo("40%");
  }

  @Test
  void theNoteFollowsTheRangeAndABlankNoteIsLeftOut() {
    assertThat(range(37, 54, "after complete resection").text()).isEqualTo("37–54% (after complete resection)");
    assertThat(range(37, 54, " ").text()).isEqualTo("37–54%");
  }

  private static SurvivalRange range(double low, double high, String note) {
    return new SurvivalRange(Site.LUNG, low, high, note, List.of());
  }
}
