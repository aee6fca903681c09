package org.metastasectomy.cds.transparency;

import org.metastasectomy.cds.reading.InputMapping;
import org.metastasectomy.cds.knowledge.KnowledgeBase;
import org.metastasectomy.cds.model.RuleId;

/** The inputs table: what the service reads from FHIR, the accepted codes, how a value is derived, and which rules use it. */
final class InputsSection {
  private final KnowledgeBase knowledge;
  private final int lookbackDays;

  InputsSection(KnowledgeBase knowledge, int lookbackDays) {
    this.knowledge = knowledge;
    this.lookbackDays = lookbackDays;
  }

  void write(HtmlWriter w) {
    w.open("section", "id", "inputs").element("h2", "Inputs and how they are mapped");
    w.element("p", "FHIR R4 resources in the shapes of mCODE STU4, from the EHR's prefetch or its FHIR server. "
        + "Data quality: performance status and laboratory results older than " + lookbackDays + " days are not used; "
        + "only final, amended or corrected results count; entered-in-error and refuted diagnoses are ignored; "
        + "laboratory values need UCUM units, and the limits of normal come from the result's reference range (or a hospital-configured default). "
        + "A missing or unusable value makes the rules that need it unknown, and the card says what to record.");
    w.open("table", "class", "inputs").open("thead").open("tr").element("th", "Input").element("th", "FHIR element").element("th", "Codes")
        .element("th", "How it is read").element("th", "Used by").close("tr").close("thead").open("tbody");
    for (InputMapping.Input input : InputMapping.inputs()) {
      w.open("tr", "id", "input-" + input.id());
      w.element("td", input.name()).element("td", input.fhir()).element("td", input.codes()).element("td", input.howRead());
      w.open("td");
      uses(w, input);
      w.close("td").close("tr");
    }
    w.close("tbody").close("table").close("section");
  }

  /** The rules that read an input, as links to their anchors on the rules page; "no rule" when none. */
  void uses(HtmlWriter w, InputMapping.Input input) {
    if (input.usedBy().isEmpty()) {
      w.text("no rule");
      return;
    }
    for (int i = 0; i < input.usedBy().size(); i++) {
      if (i > 0) {
        w.text(", ");
      }
      RuleId use = input.usedBy().get(i);
      w.link(PageLayout.RULES_HREF + "#" + anchor(use), use.name());
    }
  }

  /** The rules-page anchor of a use; a factor of both models points at its IMDC row. */
  String anchor(RuleId use) {
    return switch (use.kind()) {
      case PROFILE -> "rule-" + use;
      case ORDER -> "order-" + use;
      case RISK_FACTOR -> (inImdc(use) ? "imdc-" : "mskcc-") + use;
    };
  }

  private boolean inImdc(RuleId factorId) {
    return knowledge.model().imdc().factors().stream().anyMatch(f -> f.id() == factorId);
  }
}
