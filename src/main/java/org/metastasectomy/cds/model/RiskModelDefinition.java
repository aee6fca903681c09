package org.metastasectomy.cds.model;

import java.util.List;

/**
 * A published prognostic model (IMDC, MSKCC): its factors, and the scores from which the intermediate and poor groups
 * start.
 */
public record RiskModelDefinition(
    String id,
    String name,
    List<RiskFactorDefinition> factors,
    int intermediateFrom,
    int poorFrom,
    List<String> citations) {

  public RiskModelDefinition {
    factors = List.copyOf(factors);
    citations = List.copyOf(citations);
  }

  public RiskGroup groupOf(int score) {
    if (score >= poorFrom) {
      return RiskGroup.POOR;
    }
    return score >= intermediateFrom ? RiskGroup.INTERMEDIATE : RiskGroup.FAVORABLE;
  }

  public RiskFactorDefinition factor(String factorId) {
    return factors.stream()
        .filter(f -> f.id().equals(factorId))
        .findFirst()
        .orElseThrow(() -> new IllegalStateException(id + " has no factor " + factorId));
  }
}
