package org.metastasectomy.cds.model;

import java.time.LocalDate;

/**
 * One secondary-neoplasm Condition: its site, onset, clinical status and the lesion count if recorded. For the
 * evidence profile a metastasis is current unless its status says it is not (no status reads as current, as before);
 * the adjuvant warning needs the status recorded ({@link #status()}).
 */
public record Metastasis(Site site, Fact<LocalDate> onset, DiseaseStatus status, Fact<Integer> lesionCount, String source) {

  /** Current for the evidence profile: active, or without a recorded status. */
  public boolean active() {
    return status != DiseaseStatus.NOT_ACTIVE;
  }
}
