package org.metastasectomy.cds.model;

import java.time.LocalDate;

/** One secondary-neoplasm Condition: its site, onset, whether it is current, and the lesion count if recorded. */
public record Metastasis(Site site, Fact<LocalDate> onset, boolean active, Fact<Integer> lesionCount, String source) {}
