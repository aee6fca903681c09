package org.metastasectomy.cds.transparency;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.metastasectomy.cds.knowledge.KnowledgeBase;
import org.metastasectomy.cds.knowledge.KnowledgeLoader;
import org.metastasectomy.cds.model.OrderRuleDefinition;
import org.metastasectomy.cds.model.RiskFactorDefinition;
import org.metastasectomy.cds.model.RuleDefinition;
import org.metastasectomy.cds.model.RuleId;

/** Issue 12 item 9: the rules page gives every cut-off its unit, the untreated interval, the inference rules, completeness. */
class RulesPageGapsTest {
  private static final KnowledgeBase KNOWLEDGE = KnowledgeLoader.loadFromClasspath();
  private final String html = new RulesPage(KNOWLEDGE).render();

  @Test
  void everyCutOffIsWrittenWithItsUnit() {
    for (RuleDefinition r : KNOWLEDGE.model().rules()) {
      if (r.threshold() != null) {
        assertThat(html).contains("<dd>" + CutOffs.of(r.id(), r.threshold()) + "</dd>");
      }
    }
    for (var model : java.util.List.of(KNOWLEDGE.model().imdc(), KNOWLEDGE.model().mskcc())) {
      for (RiskFactorDefinition f : model.factors()) {
        if (f.threshold() != null) {
          assertThat(html).contains("<td>" + CutOffs.of(f.id(), f.threshold()) + "</td>");
        }
      }
    }
    for (OrderRuleDefinition r : KNOWLEDGE.model().orderRules()) {
      if (r.threshold() != null) {
        assertThat(html).contains("<dd>" + CutOffs.of(r.id(), r.threshold()) + "</dd>");
      }
    }
    assertThat(CutOffs.of(RuleId.DFI_LE_12, 12)).isEqualTo("12 months");
    // no cut-off cell or entry is a bare number
    Matcher bare = Pattern.compile("<(dd|td)>\\d+(\\.\\d+)?</(dd|td)>").matcher(html);
    assertThat(bare.find()).as(bare.find() ? bare.group() : "").isFalse();
  }

  @Test
  void theUntreatedIntervalTheInferenceRulesAndTheCompletenessRuleAreWritten() {
    assertThat(html).contains("id=\"imdc-interval\"", "counted to the assessment date (today)",
        "only when the medication history was read");
    assertThat(html).contains("id=\"inference\"", "Never converted into each other", "never invented",
        "is not taken as one lesion");
    assertThat(html).contains("id=\"completeness\"", "names every category still reachable");
  }
}
