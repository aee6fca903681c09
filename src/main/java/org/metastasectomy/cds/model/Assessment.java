package org.metastasectomy.cds.model;

import java.util.List;

/** What the evidence says about one patient and metastasectomy, with every step shown. */
public record Assessment(
    PatientFeatures features,
    RiskResult imdc,
    RiskResult mskcc,
    List<RuleResult> rules,
    Candidacy candidacy,
    Fact<Long> dfiMonths,
    Fact<Boolean> synchronous,
    List<SurvivalRange> survival,
    String modelVersion) {

  public Assessment {
    rules = List.copyOf(rules);
    survival = List.copyOf(survival);
  }

  public boolean applicable() {
    return candidacy != Candidacy.NOT_APPLICABLE;
  }

  public List<RuleResult> favourableMet() {
    return rules.stream().filter(RuleResult::metFavourable).toList();
  }

  public List<RuleResult> unfavourableMet() {
    return rules.stream().filter(RuleResult::metUnfavourable).toList();
  }

  public List<RuleResult> unknown() {
    return rules.stream().filter(r -> r.status() == FactorStatus.UNKNOWN).toList();
  }
}
