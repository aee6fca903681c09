package org.metastasectomy.cds.model;

import java.util.List;
import java.util.Objects;

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
    RiskResult imdc = RiskModels.evaluate(knowledge.imdc(), p);
    RiskResult mskcc = RiskModels.evaluate(knowledge.mskcc(), p);
    Fact<Long> dfi = Timeline.dfiMonths(p);
    Fact<Boolean> sync = Timeline.synchronous(p, knowledge.synchronousCutoffMonths());
    if (!p.metastatic()) {
      return new Assessment(p, imdc, mskcc, List.of(), Candidacy.NOT_APPLICABLE, dfi, sync, List.of(), knowledge.version());
    }
    List<RuleResult> rules = EvidenceRules.evaluate(knowledge.rules(), p, knowledge.synchronousCutoffMonths());
    long favourable = rules.stream().filter(RuleResult::metFavourable).count();
    long unfavourable = rules.stream().filter(RuleResult::metUnfavourable).count();
    List<SurvivalRange> survival = p.currentSites().stream().flatMap(s -> knowledge.survival(s).stream()).toList();
    return new Assessment(p, imdc, mskcc, rules, Candidacy.of(favourable, unfavourable), dfi, sync, survival, knowledge.version());
  }
}
