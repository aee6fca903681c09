package org.metastasectomy.cds.model;

import java.util.ArrayList;
import java.util.List;

/**
 * A published prognostic model (IMDC, MSKCC): its factors, and the scores from which the intermediate and poor groups
 * start. One point per adverse factor, exactly as published; the cut-offs come from the knowledge file.
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
    return score >= intermediateFrom ? RiskGroup.INTERMEDIATE : RiskGroup.FAVOURABLE;
  }

  public RiskFactorDefinition factor(RuleId factorId) {
    return factors.stream()
        .filter(f -> f.id() == factorId)
        .findFirst()
        .orElseThrow(() -> new IllegalStateException(id + " has no factor " + factorId));
  }

  /** Scores one patient; with unknown factors, every group between the known score and the highest possible one. */
  public RiskResult evaluate(PatientFeatures p) {
    List<FactorResult> results = factors.stream().map(f -> f.logic().evaluate(p, f).citing(citations)).toList();
    int met = (int) results.stream().filter(FactorResult::met).count();
    int unknown = (int) results.stream().filter(r -> r.status() == FactorStatus.UNKNOWN).count();
    List<RiskGroup> groups = new ArrayList<>();
    for (int score = met; score <= met + unknown; score++) {
      RiskGroup g = groupOf(score);
      if (!groups.contains(g)) {
        groups.add(g);
      }
    }
    return new RiskResult(this, results, met, met + unknown, groups);
  }
}
