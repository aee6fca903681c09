package org.metastasectomy.cds.model;

/** A rule of the evidence profile evaluated for one patient, with its definition (label, direction, what to record). */
public record RuleResult(RuleDefinition rule, FactorResult result) {

  public FactorStatus status() {
    return result.status();
  }

  public boolean metFavourable() {
    return status() == FactorStatus.MET && rule.direction() == Direction.FAVOURABLE;
  }

  public boolean metUnfavourable() {
    return status() == FactorStatus.MET && rule.direction() == Direction.UNFAVOURABLE;
  }
}
