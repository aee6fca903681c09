package org.metastasectomy.cds.evidence;

/** An absolute link to a reference: PubMed or DOI when verified, otherwise a labelled PubMed search. */
public record EvidenceLink(String label, String url, boolean search) {}
