package org.metastasectomy.cds.model;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/** Runs the whole model for one patient: IMDC, MSKCC, the evidence profile and the candidacy category. */
public final class Assessor {
  private final ModelKnowledge knowledge;

  public Assessor(ModelKnowledge knowledge) {
    this.knowledge = Objects.requireNonNull(knowledge);
  }

  public ModelKnowledge knowledge() {
    return knowledge;
  }

  public Assessment assess(PatientFeatures p) {
    RiskResult imdc = knowledge.imdc().evaluate(p);
    RiskResult mskcc = knowledge.mskcc().evaluate(p);
    Fact<Long> dfi = Timeline.dfiMonths(p);
    Fact<Boolean> sync = Timeline.synchronous(p, knowledge.synchronousCutoffMonths());
    if (!p.metastatic()) {
      return new Assessment(p, imdc, mskcc, List.of(), Candidacy.NOT_APPLICABLE, dfi, sync, List.of(), knowledge.version());
    }
    List<RuleResult> rules = profile(p);
    long favourable = rules.stream().filter(RuleResult::metFavourable).count();
    long unfavourable = rules.stream().filter(RuleResult::metUnfavourable).count();
    List<SurvivalRange> survival = p.currentSites().stream().flatMap(s -> knowledge.survival(s).stream()).toList();
    return new Assessment(p, imdc, mskcc, rules, Candidacy.of(favourable, unfavourable), dfi, sync, survival, knowledge.version());
  }

  /** The rules that apply: every any-site rule, plus the site rules of the sites this patient has. */
  private List<RuleResult> profile(PatientFeatures p) {
    Set<Site> sites = p.currentSites();
    return knowledge.rules().stream()
        .filter(r -> r.site() == null || sites.contains(r.site()))
        .map(r -> r.evaluate(p, knowledge.synchronousCutoffMonths()))
        .toList();
  }
}
