package org.metastasectomy.cds.transparency;

import java.util.List;
import org.metastasectomy.cds.evidence.EvidenceLink;
import org.metastasectomy.cds.reading.InputMapping;
import org.metastasectomy.cds.knowledge.KnowledgeBase;

/**
 * The source attributes that ONC lists for evidence-based decision support interventions (45 CFR
 * 170.315(b)(11)(iv)(A)): citation, developer, funding, dates, and whether the logic uses each USCDI demographic,
 * social and health-status element. The use of an element comes from {@link InputMapping}, the same table as the inputs.
 */
final class SourceAttributesSection {
  private static final String NOT_USED = "Not used. The service does not read it, although the Patient resource it receives may carry it.";

  private final KnowledgeBase knowledge;
  private final InputsSection inputs;

  SourceAttributesSection(KnowledgeBase knowledge, InputsSection inputs) {
    this.knowledge = knowledge;
    this.inputs = inputs;
  }

  void write(HtmlWriter w) {
    w.open("section", "id", "source-attributes").element("h2", "Source attributes (ONC, 45 CFR 170.315(b)(11)(iv)(A))");
    w.open("table").open("thead").open("tr").element("th", "Attribute").element("th", "This service").close("tr").close("thead");
    w.open("tbody");
    w.open("tr").element("td", "Bibliographic citation").open("td");
    knowledge.citations().find(IndexPage.REVIEW_CITATION).ifPresent(c -> {
      EvidenceLink link = knowledge.citations().link(c.id());
      w.link(link.url(), link.label()).text("; ");
    });
    w.text("every rule's own sources are listed with it on ").link(PageLayout.RULES_HREF + "#references", "the rules page")
        .text(".").close("td").close("tr");
    row(w, "Developer", "metastasectomy-cds, an open-source project, translated the published evidence into these rules.");
    row(w, "Funding source of the technical implementation", "None declared.");
    row(w, "Release and revision dates", "Model " + knowledge.model().version() + ", released "
        + knowledge.model().releaseDate() + " (status: " + knowledge.status() + "). The publication details of each "
        + "reference are behind its link.");
    for (String element : List.of("Race", "Ethnicity", "Language", "Sexual orientation", "Gender identity")) {
      row(w, "Use of " + element.toLowerCase(java.util.Locale.ROOT), NOT_USED);
    }
    used(w, "Use of sex", InputMapping.SEX);
    used(w, "Use of date of birth", InputMapping.BIRTH_DATE);
    row(w, "Use of social determinants of health data", NOT_USED.replace("the Patient resource it receives", "the record"));
    used(w, "Use of health status assessments data", InputMapping.ECOG, InputMapping.KARNOFSKY);
    w.close("tbody").close("table").close("section");
  }

  private static void row(HtmlWriter w, String attribute, String value) {
    w.open("tr").element("td", attribute).element("td", value).close("tr");
  }

  /** Names the input, how it is read, and the rules that use it (or "no rule"). */
  private void used(HtmlWriter w, String attribute, String... inputIds) {
    w.open("tr").element("td", attribute).open("td");
    for (int i = 0; i < inputIds.length; i++) {
      InputMapping.Input input = InputMapping.input(inputIds[i]);
      if (i > 0) {
        w.empty("br");
      }
      w.element("strong", input.name() + " (" + input.fhir() + "): ").text(input.howRead() + " Used by: ");
      inputs.uses(w, input);
      w.text(".");
    }
    w.close("td").close("tr");
  }
}
