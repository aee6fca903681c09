package org.metastasectomy.cds.evidence;

/**
 * One reference of the review (or of a model paper). Identifiers are present only when references.json marks the
 * reference verified; otherwise the link is a PubMed search, labelled as such.
 *
 * @param searchTerms what to search PubMed for when the title is not known
 */
public record Citation(
    String id, String seedRef, String label, String title, String searchTerms, String pmid, String doi, boolean verified) {

  public boolean hasIdentifier() {
    return notBlank(pmid) || notBlank(doi);
  }

  static boolean notBlank(String s) {
    return s != null && !s.isBlank();
  }
}
