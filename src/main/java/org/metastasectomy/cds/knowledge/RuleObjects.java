package org.metastasectomy.cds.knowledge;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.metastasectomy.cds.model.OrderRule;
import org.metastasectomy.cds.model.ProfileRule;
import org.metastasectomy.cds.model.RiskFactor;
import org.metastasectomy.cds.model.RuleId;
import org.metastasectomy.cds.model.orders.OrderRuleSet;
import org.metastasectomy.cds.model.profile.ProfileRuleSet;
import org.metastasectomy.cds.model.risk.RiskFactorSet;

/**
 * Binds each rule of the knowledge file to the engine's object for it, checking both ways: a rule in the file with no
 * object, and an object (or rule id) with no rule in the file, are problems that stop the start.
 */
final class RuleObjects {
  private static final Map<RuleId.Kind, String> SECTIONS = Map.of(
      RuleId.Kind.PROFILE, "rule", RuleId.Kind.RISK_FACTOR, "IMDC/MSKCC factor", RuleId.Kind.ORDER, "order rule");

  private final Map<RuleId, ProfileRule> profile = ProfileRuleSet.all();
  private final Map<RuleId, RiskFactor> risk = RiskFactorSet.all();
  private final Map<RuleId, OrderRule> orders = OrderRuleSet.all();
  private final Set<RuleId> defined = EnumSet.noneOf(RuleId.class);
  private final List<String> problems;

  RuleObjects(List<String> problems) {
    this.problems = problems;
  }

  ProfileRule profile(String id, String where) {
    return bind(id, RuleId.Kind.PROFILE, profile, where);
  }

  RiskFactor riskFactor(String id, String where) {
    return bind(id, RuleId.Kind.RISK_FACTOR, risk, where);
  }

  OrderRule orderRule(String id, String where) {
    return bind(id, RuleId.Kind.ORDER, orders, where);
  }

  /** After the file is read: every rule id the engine knows must have an object and a rule in the file. */
  void checkEveryObjectIsDefined() {
    for (RuleId id : RuleId.values()) {
      Map<RuleId, ?> objects = id.kind() == RuleId.Kind.PROFILE ? profile : id.kind() == RuleId.Kind.RISK_FACTOR ? risk : orders;
      if (!objects.containsKey(id)) {
        problems.add("rule id " + id + " has no rule object in the engine");
      } else if (!defined.contains(id)) {
        problems.add("the engine evaluates " + SECTIONS.get(id.kind()) + " " + id + " but the knowledge file does not define it");
      }
    }
  }

  private <T> T bind(String id, RuleId.Kind kind, Map<RuleId, T> objects, String where) {
    RuleId ruleId = RuleId.find(id).orElse(null);
    if (ruleId == null || ruleId.kind() != kind || !objects.containsKey(ruleId)) {
      problems.add(where + " " + id + " has no evaluator in the engine"
          + (ruleId != null && ruleId.kind() != kind ? " (it is a " + SECTIONS.get(ruleId.kind()) + ")" : ""));
      return null;
    }
    defined.add(ruleId);
    return objects.get(ruleId);
  }
}
