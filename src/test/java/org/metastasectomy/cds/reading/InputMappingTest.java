package org.metastasectomy.cds.reading;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.metastasectomy.cds.knowledge.KnowledgeBase;
import org.metastasectomy.cds.knowledge.KnowledgeLoader;
import org.metastasectomy.cds.model.RiskFactorDefinition;
import org.metastasectomy.cds.model.RuleId;

/** The published inputs table stays in step with the knowledge: no rule without its inputs, no input naming a missing rule. */
class InputMappingTest {
  private static final KnowledgeBase KNOWLEDGE = KnowledgeLoader.loadFromClasspath();

  @Test
  void everyUseNamesARuleFactorOrOrderRuleOfTheKnowledge() {
    Set<RuleId> known = known();
    for (InputMapping.Input input : InputMapping.inputs()) {
      assertThat(known).as(input.id()).containsAll(input.usedBy());
    }
  }

  @Test
  void everyRuleFactorAndOrderRuleListsAtLeastOneInput() {
    Set<RuleId> used = InputMapping.inputs().stream().flatMap(i -> i.usedBy().stream()).collect(Collectors.toSet());
    assertThat(used).containsAll(known());
  }

  @Test
  void inputIdsAreUniqueAndLabsCarryTheirLoincCodes() {
    List<String> ids = InputMapping.inputs().stream().map(InputMapping.Input::id).toList();
    assertThat(new HashSet<>(ids)).hasSize(ids.size());
    assertThat(InputMapping.input("lab-haemoglobin").codes()).isEqualTo("LOINC 718-7");
    assertThat(InputMapping.input("lab-calcium").howRead()).contains("Corrected calcium");
  }

  private static Set<RuleId> known() {
    Stream<RuleId> rules = KNOWLEDGE.model().rules().stream().map(r -> r.id());
    Stream<RuleId> factors = Stream.concat(KNOWLEDGE.model().imdc().factors().stream(), KNOWLEDGE.model().mskcc().factors().stream())
        .map(RiskFactorDefinition::id);
    Stream<RuleId> orders = KNOWLEDGE.model().orderRules().stream().map(r -> r.id());
    return Stream.of(rules, factors, orders).flatMap(s -> s).collect(Collectors.toSet());
  }
}
