package org.metastasectomy.cds.model.orders;

import java.util.List;
import org.metastasectomy.cds.model.DiseaseStatus;
import org.metastasectomy.cds.model.Metastasectomy;
import org.metastasectomy.cds.model.Metastasis;
import org.metastasectomy.cds.model.PatientFeatures;

/**
 * Whether the chart establishes no evidence of disease after metastasectomy, the population of the adjuvant trials
 * (E2810, RESORT): complete resection of all metastases. Used by the two adjuvant rules, which must never disagree.
 */
enum Resection {
  /** No metastasectomy dated on or before today. */
  NONE,
  /** A metastasis is active (active, recurrence, relapse) or a resection is recorded as incomplete: disease present. */
  DISEASE_PRESENT,
  /** A metastasectomy, but no-evidence-of-disease cannot be established: a metastasis without clinicalStatus, no metastasis
   * Condition at all, or an undated metastasectomy. */
  UNCONFIRMED,
  /** Every metastasis Condition has a status and none is active, no resection is incomplete, every resection is dated. */
  COMPLETE;

  static Resection of(PatientFeatures p) {
    List<Metastasectomy> surgeries = p.metastasectomies();
    if (surgeries.isEmpty()) {
      return NONE;
    }
    List<Metastasis> metastases = p.metastases();
    boolean active = metastases.stream().anyMatch(m -> m.status() == DiseaseStatus.ACTIVE);
    if (active || surgeries.stream().anyMatch(Metastasectomy::recordedIncomplete)) {
      return DISEASE_PRESENT;
    }
    boolean statusMissing = metastases.isEmpty() || metastases.stream().anyMatch(m -> m.status() == DiseaseStatus.NOT_RECORDED);
    boolean undated = surgeries.stream().anyMatch(s -> !s.date().isKnown());
    return statusMissing || undated ? UNCONFIRMED : COMPLETE;
  }
}
