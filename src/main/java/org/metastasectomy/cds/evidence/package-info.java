/**
 * The citation catalogue: each source with its label and a link — PubMed or DOI only where verified, otherwise a PubMed
 * search labelled as a search.
 */
package org.metastasectomy.cds.evidence;
