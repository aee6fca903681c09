package org.metastasectomy.cds.knowledge;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.metastasectomy.cds.evidence.Citation;
import org.metastasectomy.cds.evidence.CitationCatalogue;
import org.metastasectomy.cds.knowledge.KnowledgeFiles.CitationEntry;

/**
 * citations.yaml as a catalogue, checked: unique ids, a label, a title or search terms, and a PMID or DOI only on a
 * citation marked verified (otherwise the card links a PubMed search). Problems are collected, not thrown.
 */
final class CitationsCheck {
  private static final Pattern PMID = Pattern.compile("\\d{1,9}");
  private static final Pattern DOI = Pattern.compile("10\\.\\d{4,9}/\\S+");

  private CitationsCheck() {}

  static CitationCatalogue catalogue(KnowledgeFiles.CitationsFile file, List<String> problems) {
    List<Citation> list = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    if (file == null || file.citations() == null) {
      problems.add("citations is missing");
      return new CitationCatalogue(list);
    }
    for (CitationEntry e : file.citations()) {
      boolean verified = Boolean.TRUE.equals(e.verified());
      require(problems, e.id() != null && ids.add(e.id()), "citation id missing or duplicated: " + e.id());
      require(problems, e.label() != null, "citation " + e.id() + " has no label");
      require(problems, e.title() != null || e.searchTerms() != null, "citation " + e.id() + " needs a title or searchTerms");
      require(problems, verified || (e.pmid() == null && e.doi() == null),
          "citation " + e.id() + " carries a PMID/DOI but is not verified (use a PubMed search instead)");
      require(problems, e.pmid() == null || PMID.matcher(e.pmid()).matches(), "citation " + e.id() + " has a malformed PMID");
      require(problems, e.doi() == null || DOI.matcher(e.doi()).matches(), "citation " + e.id() + " has a malformed DOI");
      list.add(new Citation(e.id(), e.seedRef(), e.label(), e.title(), e.searchTerms(), e.pmid(), e.doi(), verified));
    }
    return new CitationCatalogue(list);
  }

  private static void require(List<String> problems, boolean ok, String problem) {
    if (!ok) {
      problems.add(problem);
    }
  }
}
