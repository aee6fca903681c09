/**
 * The factors of IMDC (Heng 2009) and MSKCC (Motzer 2002), one object each (a factor both models share is one object),
 * listed by {@link org.metastasectomy.cds.model.risk.RiskFactorSet}. Scoring and groups are in
 * {@link org.metastasectomy.cds.model.RiskModelDefinition}.
 */
package org.metastasectomy.cds.model.risk;
