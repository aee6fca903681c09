package org.metastasectomy.cds.transparency;

import org.metastasectomy.cds.knowledge.KnowledgeBase;
import org.metastasectomy.cds.model.RiskFactorDefinition;
import org.metastasectomy.cds.model.RiskModelDefinition;

/** IMDC and MSKCC as the knowledge file defines them: factors, cut-offs, group boundaries, sources. */
final class RiskModelSection {
  private final KnowledgeBase knowledge;

  RiskModelSection(KnowledgeBase knowledge) {
    this.knowledge = knowledge;
  }

  void write(HtmlWriter w) {
    model(w, "imdc", knowledge.model().imdc());
    model(w, "mskcc", knowledge.model().mskcc());
  }

  private void model(HtmlWriter w, String anchor, RiskModelDefinition m) {
    w.open("section", "id", anchor).element("h2", m.name());
    w.element("p", "One point for each factor present. A factor whose data are missing is shown as unknown, and the "
        + "group is then given as the range of groups the unknown factors allow.");
    w.open("table").open("thead").open("tr").element("th", "Factor").element("th", "Cut-off").element("th", "Id").close("tr").close("thead");
    w.open("tbody");
    for (RiskFactorDefinition f : m.factors()) {
      w.open("tr", "id", anchor + "-" + f.id());
      w.element("td", f.label());
      w.element("td", f.threshold() == null ? "the limit of normal of the result's reference range" : CutOffs.of(f.id(), f.threshold()));
      w.open("td").element("code", f.id().name()).close("td");
      w.close("tr");
    }
    w.close("tbody").close("table");
    w.element("p", "Groups: favourable " + range(0, m.intermediateFrom() - 1) + ", intermediate "
        + range(m.intermediateFrom(), m.poorFrom() - 1) + ", poor " + range(m.poorFrom(), m.factors().size())
        + " factors.");
    w.open("p", "id", anchor + "-interval").element("strong", "Time from diagnosis to treatment. ")
        .text("Whole calendar months from the diagnosis date of the primary to the start of the first systemic "
        + "therapy. For a patient with no systemic therapy recorded it is counted to the assessment date (today), "
        + "but only when the medication history was read; a patient diagnosed under 12 months ago has the factor "
        + "whenever therapy starts. With the medication history unavailable and the diagnosis 12 months or more ago, "
        + "the factor is unknown.").close("p");
    w.element("h3", "Sources");
    CitationList.write(w, knowledge.citations(), m.citations());
    w.close("section");
  }

  static String range(int from, int to) {
    return from >= to ? String.valueOf(from) : from + "–" + to;
  }
}
