package org.metastasectomy.cds.model;

import java.time.LocalDate;

/**
 * One RCC systemic therapy the chart records as started (a MedicationRequest active, on hold, completed or stopped, or
 * a MedicationAdministration).
 *
 * @param agent the ingredient, lower case ("sunitinib")
 * @param start when it started (authoredOn, or the administration's date); unknown when undated
 * @param running whether the order is still active or on hold (a renewal or dose change of it is not a new line)
 */
public record SystemicTherapy(String agent, Fact<LocalDate> start, boolean running, String source) {}
