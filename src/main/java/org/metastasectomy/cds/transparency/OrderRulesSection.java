package org.metastasectomy.cds.transparency;

import org.metastasectomy.cds.knowledge.KnowledgeBase;
import org.metastasectomy.cds.model.OrderRuleDefinition;

/** The order-time rules (order-select, order-sign): when each fires, its wording and its sources. */
final class OrderRulesSection {
  private final KnowledgeBase knowledge;

  OrderRulesSection(KnowledgeBase knowledge) {
    this.knowledge = knowledge;
  }

  void write(HtmlWriter w) {
    w.open("section", "id", "orders").element("h2", "Order-time rules");
    w.element("p", "Checked when orders are selected or signed for a patient with renal cell carcinoma. "
        + "{order} in a summary stands for the ordered item.");
    for (OrderRuleDefinition rule : knowledge.model().orderRules()) {
      w.open("article", "id", "order-" + rule.id(), "class", "rule " + rule.indicator());
      w.open("h3").text(rule.summary()).element("span", rule.indicator(), "class", "tag").close("h3");
      w.open("dl");
      w.element("dt", "Rule").open("dd").element("code", rule.id().name()).close("dd");
      w.element("dt", "Fires on").element("dd", OrderRuleTriggers.of(rule.id()).orElse("—"));
      if (rule.threshold() != null) {
        w.element("dt", "Cut-off").element("dd", CutOffs.of(rule.id(), rule.threshold()));
      }
      w.element("dt", "Evidence").element("dd", rule.detail());
      w.element("dt", "Sources").open("dd");
      CitationList.write(w, knowledge.citations(), rule.citations());
      w.close("dd").close("dl").close("article");
    }
    w.close("section");
  }
}
