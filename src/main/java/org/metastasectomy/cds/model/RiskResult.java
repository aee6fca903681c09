package org.metastasectomy.cds.model;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A risk model evaluated for one patient. The group is determined only when no unknown factor could change it;
 * otherwise {@link #groups()} lists every group the unknown factors allow.
 */
public record RiskResult(RiskModelDefinition model, List<FactorResult> factors, int minScore, int maxScore, List<RiskGroup> groups) {

  public RiskResult {
    factors = List.copyOf(factors);
    groups = List.copyOf(groups);
  }

  public boolean determined() {
    return groups.size() == 1;
  }

  public List<FactorResult> unknownFactors() {
    return factors.stream().filter(f -> f.status() == FactorStatus.UNKNOWN).toList();
  }

  /** "intermediate (score 2)" or "favourable to poor (score 0-3; 3 factors unknown)". */
  public String describe() {
    if (determined()) {
      return groups.get(0).label() + " (score " + minScore + ")";
    }
    return groups.get(0).label() + " to " + groups.get(groups.size() - 1).label()
        + " (score " + minScore + "–" + maxScore + "; " + unknownFactors().size() + " unknown)";
  }

  public String groupsText() {
    return groups.stream().map(RiskGroup::label).collect(Collectors.joining(" / "));
  }
}
