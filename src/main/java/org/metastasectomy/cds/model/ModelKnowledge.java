package org.metastasectomy.cds.model;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The clinical knowledge the engine runs on, loaded and validated from the knowledge file at start-up. */
public record ModelKnowledge(
    String version,
    String releaseDate,
    List<RuleDefinition> rules,
    RiskModelDefinition imdc,
    RiskModelDefinition mskcc,
    Map<Site, SurvivalRange> survival,
    long synchronousCutoffMonths,
    List<OrderRuleDefinition> orderRules) {

  public ModelKnowledge {
    rules = List.copyOf(rules);
    survival = Map.copyOf(survival);
    orderRules = List.copyOf(orderRules);
  }

  public OrderRuleDefinition orderRule(RuleId id) {
    return orderRules.stream().filter(r -> r.id() == id).findFirst()
        .orElseThrow(() -> new IllegalStateException("knowledge has no order rule " + id));
  }

  public Optional<SurvivalRange> survival(Site site) {
    return Optional.ofNullable(survival.get(site));
  }
}
