package org.metastasectomy.cds.reading;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.metastasectomy.cds.reading.InputMapping.Kind;
import org.metastasectomy.cds.reading.InputMapping.Use;
import org.metastasectomy.cds.knowledge.KnowledgeBase;
import org.metastasectomy.cds.knowledge.KnowledgeLoader;
import org.metastasectomy.cds.model.RiskFactorDefinition;

/** The published inputs table stays in step with the knowledge: no rule without its inputs, no input naming a missing rule. */
class InputMappingTest {
  private static final KnowledgeBase KNOWLEDGE = KnowledgeLoader.loadFromClasspath();

  @Test
  void everyUseNamesARuleFactorOrOrderRuleOfTheKnowledge() {
    Set<Use> known = known();
    for (InputMapping.Input input : InputMapping.inputs()) {
      assertThat(known).as(input.id()).containsAll(input.usedBy());
    }
  }

  @Test
  void everyRuleFactorAndOrderRuleListsAtLeastOneInput() {
    Set<Use> used = InputMapping.inputs().stream().flatMap(i -> i.usedBy().stream()).collect(Collectors.toSet());
    assertThat(used).containsAll(known());
  }

  @Test
  void inputIdsAreUniqueAndLabsCarryTheirLoincCodes() {
    List<String> ids = InputMapping.inputs().stream().map(InputMapping.Input::id).toList();
    assertThat(new HashSet<>(ids)).hasSize(ids.size());
    assertThat(InputMapping.input("lab-hemoglobin").codes()).isEqualTo("LOINC 718-7");
    assertThat(InputMapping.input("lab-calcium").howRead()).contains("Corrected calcium");
  }

  private static Set<Use> known() {
    Stream<Use> rules = KNOWLEDGE.model().rules().stream().map(r -> new Use(Kind.RULE, r.id()));
    Stream<Use> factors = Stream.concat(KNOWLEDGE.model().imdc().factors().stream(), KNOWLEDGE.model().mskcc().factors().stream())
        .map(RiskFactorDefinition::id).map(id -> new Use(Kind.RISK_FACTOR, id));
    Stream<Use> orders = KNOWLEDGE.model().orderRules().stream().map(r -> new Use(Kind.ORDER_RULE, r.id()));
    return Stream.of(rules, factors, orders).flatMap(s -> s).collect(Collectors.toSet());
  }
}
