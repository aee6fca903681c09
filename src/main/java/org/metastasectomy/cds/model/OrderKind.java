package org.metastasectomy.cds.model;

/** What a draft order is, as far as the order-time rules care. */
public enum OrderKind {
  /** Pazopanib or sorafenib: the agents of the adjuvant trials after metastasectomy (E2810, RESORT). */
  ADJUVANT_TRIAL_AGENT,
  /** Any RCC systemic therapy (TKI, mTOR inhibitor, immunotherapy). */
  SYSTEMIC_THERAPY,
  CHEST_RADIOGRAPH,
  NEPHRECTOMY
}
