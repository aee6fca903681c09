package org.metastasectomy.cds.model;

import java.time.LocalDate;

/**
 * A lab result in its canonical unit, with the reference limits (in the same unit) from the Observation or from the
 * configured defaults; a limit is unknown when neither is available.
 */
public record LabValue(double value, Fact<Double> lowerLimit, Fact<Double> upperLimit, LocalDate date, String source) {}
