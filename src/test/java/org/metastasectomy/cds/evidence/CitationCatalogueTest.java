package org.metastasectomy.cds.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Links: identifiers only for verified references; everything else is a search, and says so. */
class CitationCatalogueTest {
  private final CitationCatalogue catalogue = new CitationCatalogue(List.of(
      new Citation("p", "13", "Pfannschmidt 2002 [13]", "Prognostic factors", null, "12440625", "10.1016/x", true),
      new Citation("d", "51", "CARMENA [51]", "Sunitinib Alone", null, null, "10.1056/NEJMoa1803675", true),
      new Citation("u", "15", "Kudelin [15]", null, "Kudelin pulmonary metastasectomy", "999", null, false),
      new Citation("t", "27", "Staehler [27]", "Liver resection & survival", null, null, null, true)));

  @Test
  void verifiedPmidLinksToPubMed() {
    EvidenceLink link = catalogue.link("p");
    assertThat(link.url()).isEqualTo("https://pubmed.ncbi.nlm.nih.gov/12440625/");
    assertThat(link.search()).isFalse();
  }

  @Test
  void verifiedDoiWithoutPmidLinksToDoiOrg() {
    assertThat(catalogue.link("d").url()).isEqualTo("https://doi.org/10.1056/NEJMoa1803675");
  }

  @Test
  void unverifiedReferenceIsALabelledSearchEvenIfAnIdentifierSlippedIn() {
    EvidenceLink link = catalogue.link("u");
    assertThat(link.url()).isEqualTo("https://pubmed.ncbi.nlm.nih.gov/?term=Kudelin+pulmonary+metastasectomy");
    assertThat(link.label()).endsWith("(PubMed search)");
    assertThat(link.search()).isTrue();
  }

  @Test
  void verifiedWithoutIdentifierSearchesTheEncodedTitle() {
    assertThat(catalogue.link("t").url()).isEqualTo("https://pubmed.ncbi.nlm.nih.gov/?term=Liver+resection+%26+survival");
  }
}
