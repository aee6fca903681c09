package org.metastasectomy.cds.knowledge;

import java.util.List;
import java.util.Map;
import org.metastasectomy.cds.evidence.CitationCatalogue;
import org.metastasectomy.cds.model.ModelKnowledge;
import org.metastasectomy.cds.model.RuleId;

/**
 * Everything loaded from cds-hooks/knowledge: the model's knowledge, the citations, and the explanatory texts the cards
 * and the transparency page show.
 */
public record KnowledgeBase(
    ModelKnowledge model,
    CitationCatalogue citations,
    String status,
    String candidacyRule,
    Map<RuleId, RuleExplanation> explanations,
    List<String> synchronousCitations,
    String perioperativeText,
    List<String> perioperativeCitations,
    String limitations) {

  /** What a rule rests on: the factors.json row and the sentence of evidence. */
  public record RuleExplanation(String factor, String evidence) {}

  public RuleExplanation explanation(RuleId ruleId) {
    return explanations.get(ruleId);
  }
}
