/**
 * The model in plain Java (imports only java.* and its own packages): the patient's features as facts with sources and
 * reasons, rule ids, definitions from the knowledge file, and results as structured data ({@link
 * org.metastasectomy.cds.model.FactorResult}: status, data read, sources, citations, typed reason when unknown).
 * {@link org.metastasectomy.cds.model.Assessor} runs IMDC, MSKCC, the evidence profile and the candidacy;
 * {@link org.metastasectomy.cds.model.OrderRules} the order-time rules. The rule objects are in the sub-packages
 * {@code profile}, {@code risk} and {@code orders}.
 */
package org.metastasectomy.cds.model;
