package org.metastasectomy.cds.knowledge;

import java.util.List;

/** The knowledge files as written under cds-hooks/knowledge (Jackson binds the YAML to these records). */
final class KnowledgeFiles {
  private KnowledgeFiles() {}

  record CitationsFile(List<CitationEntry> citations) {}

  record CitationEntry(
      String id, String seedRef, String label, String title, String searchTerms, String pmid, String doi, Boolean verified) {}

  record ModelFile(
      String version,
      String releaseDate,
      String status,
      Long synchronousCutoffMonths,
      List<String> synchronousCitations,
      RiskModelEntry imdc,
      RiskModelEntry mskcc,
      String candidacyRule,
      List<RuleEntry> rules,
      List<SurvivalEntry> survival,
      TextEntry perioperative,
      String limitations,
      List<OrderRuleEntry> orderRules) {}

  record RiskModelEntry(String name, List<String> citations, Integer intermediateFrom, Integer poorFrom, List<RiskFactorEntry> factors) {}

  record RiskFactorEntry(String id, String label, Double threshold) {}

  record RuleEntry(
      String id,
      String label,
      String site,
      String direction,
      Double threshold,
      String factor,
      String evidence,
      List<String> citations,
      String toDocument) {}

  record SurvivalEntry(String site, Double low, Double high, String note, List<String> citations) {}

  record TextEntry(String text, List<String> citations) {}

  record OrderRuleEntry(String id, String indicator, String summary, String detail, Double threshold, List<String> citations) {}
}
