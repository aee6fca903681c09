package org.metastasectomy.cds.model;

import java.time.LocalDate;

/**
 * A completed surgery for a metastasis: when (unknown when the Procedure has no date), and whether its outcome records
 * the resection as incomplete (R1, R2, incomplete, residual tumour).
 */
public record Metastasectomy(Fact<LocalDate> date, boolean recordedIncomplete, String source) {}
