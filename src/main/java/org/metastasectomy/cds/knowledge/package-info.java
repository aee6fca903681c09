/**
 * Loading and checking the knowledge files of cds-hooks/ at start-up: model.yaml (rules, cut-offs, IMDC/MSKCC, order
 * rules, wording), citations.yaml and the service catalogue (discovery.json). Each rule of the file is bound to its
 * object in the model; a rule without an object, an object without a rule, or an unknown citation stops the start.
 */
package org.metastasectomy.cds.knowledge;
