/**
 * Reading FHIR R4 into the model: the patient record (parsed lazily from prefetch or as fetched), the Conditions,
 * Observations, procedures, therapies and draft orders, and {@link org.metastasectomy.cds.reading.PatientFeatureMapper},
 * which turns them into the model's features — with a typed reason for every value it cannot give (not recorded,
 * outside the look-back, not fetched, not specific). Codes accepted are in {@code Codes}; the published mapping table in
 * {@code InputMapping}.
 */
package org.metastasectomy.cds.reading;
