/**
 * The rules of the metastasectomy evidence profile, one object each, and {@link
 * org.metastasectomy.cds.model.profile.ProfileRuleSet}, which lists them. A rule reads the features and returns a
 * structured result; its cut-off, direction and citations come from its definition in cds-hooks/knowledge/model.yaml.
 */
package org.metastasectomy.cds.model.profile;
