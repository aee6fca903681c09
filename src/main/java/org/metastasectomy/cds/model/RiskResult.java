package org.metastasectomy.cds.model;

import java.util.List;

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
}
