package org.metastasectomy.cds.transparency;

import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.metastasectomy.cds.knowledge.KnowledgeBase;
import org.metastasectomy.cds.model.Site;
import org.metastasectomy.cds.model.SurvivalRange;

/** The synchronous cut-off, perioperative risk, and the 5-year survival ranges by site (chart and table). */
final class SurvivalSection {
  private final KnowledgeBase knowledge;

  SurvivalSection(KnowledgeBase knowledge) {
    this.knowledge = knowledge;
  }

  void write(HtmlWriter w) {
    synchronous(w);
    perioperative(w);
    survival(w);
  }

  private void synchronous(HtmlWriter w) {
    long months = knowledge.model().synchronousCutoffMonths();
    w.open("section", "id", "synchronous").element("h2", "Synchronous and metachronous metastases");
    w.element("p", "Synchronous: the first metastasis is recorded no later than the diagnosis of the primary"
        + (months == 0 ? " (cut-off 0 months: present at diagnosis)." : " plus " + months + " months (window "
            + months + " months: metastases found at diagnosis or during initial staging; exactly " + months
            + " months after diagnosis is synchronous, a day later metachronous). The window is the published definition"
            + " of Hoeh et al. 2025 (\"synchronous metastasis (occurring within 3 months of the initial cancer diagnosis)\").")
        + " Otherwise metachronous. Used by the liver rules and the cytoreductive nephrectomy check.");
    CitationList.write(w, knowledge.citations(), knowledge.synchronousCitations());
    w.close("section");
  }

  private void perioperative(HtmlWriter w) {
    w.open("section", "id", "perioperative").element("h2", "Perioperative risk (shown, not scored)");
    w.element("p", knowledge.perioperativeText());
    CitationList.write(w, knowledge.citations(), knowledge.perioperativeCitations());
    w.close("section");
  }

  private void survival(HtmlWriter w) {
    List<SurvivalRange> ranges = knowledge.model().survival().values().stream()
        .sorted(Comparator.comparing(SurvivalRange::site)).toList();
    w.open("section", "id", "survival").element("h2", "5-year overall survival after metastasectomy, by site");
    w.element("p", "Range of the published values for each site, from retrospective series of selected patients (selection "
        + "bias; no randomised comparison with systemic therapy). Not a prediction for the patient; the patient-view card links here.");
    SurvivalChart.write(w, ranges);
    w.open("table").open("thead").open("tr").element("th", "Site").element("th", "5-year overall survival").element("th", "Sources")
        .close("tr").close("thead").open("tbody");
    for (SurvivalRange r : ranges) {
      w.open("tr", "id", "survival-" + r.site().name());
      w.element("td", RulesPage.capitalised(r.site().label())).element("td", r.text()).open("td");
      CitationList.write(w, knowledge.citations(), r.citations());
      w.close("td").close("tr");
    }
    w.close("tbody").close("table");
    Set<Site> without = EnumSet.allOf(Site.class);
    without.removeAll(knowledge.model().survival().keySet());
    if (!without.isEmpty()) {
      w.element("p", "No 5-year range in the knowledge for: "
          + without.stream().map(Site::label).collect(Collectors.joining(", ")) + ".");
    }
    w.close("section");
  }
}
