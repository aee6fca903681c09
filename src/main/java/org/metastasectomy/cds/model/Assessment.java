package org.metastasectomy.cds.model;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

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

  /**
   * The categories the evidence profile could take once the unknown rules are known: F can rise by the unknown
   * favourable rules, U by the unknown unfavourable ones, and the category depends only on whether each is zero, so
   * the four corners give every reachable category (in the order of {@link Candidacy}). One category: settled.
   */
  public Set<Candidacy> reachableCandidacies() {
    if (!applicable()) {
      return EnumSet.of(Candidacy.NOT_APPLICABLE);
    }
    long f = favourableMet().size();
    long u = unfavourableMet().size();
    long fUnknown = unknown().stream().filter(r -> r.rule().direction() == Direction.FAVOURABLE).count();
    long uUnknown = unknown().stream().filter(r -> r.rule().direction() == Direction.UNFAVOURABLE).count();
    Set<Candidacy> out = EnumSet.noneOf(Candidacy.class);
    for (long ff : new long[] {f, f + fUnknown}) {
      for (long uu : new long[] {u, u + uUnknown}) {
        out.add(Candidacy.of(ff, uu));
      }
    }
    return out;
  }

  /** Whether unknown rules could change the category. */
  public boolean candidacySettled() {
    return reachableCandidacies().size() == 1;
  }
}
