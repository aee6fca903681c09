package org.metastasectomy.cds.model;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * Evaluators of the metastasectomy evidence profile, one per rule id of the knowledge file. Thresholds come from the
 * knowledge file; the code only says how a rule reads the features. Missing data yields UNKNOWN.
 */
public final class EvidenceRules {
  private EvidenceRules() {}

  /** How one rule reads the features; the synchronous cut-off (months) comes from the knowledge file. */
  @FunctionalInterface
  private interface Evaluator {
    FactorResult apply(PatientFeatures p, RuleDefinition r, long synchronousCutoffMonths);
  }

  private static Evaluator plain(BiFunction<PatientFeatures, RuleDefinition, FactorResult> f) {
    return (p, r, cutoff) -> f.apply(p, r);
  }

  private static final Map<String, Evaluator> RULES = Map.ofEntries(
      Map.entry("SOLITARY", plain(EvidenceRules::solitary)),
      Map.entry("SINGLE_ORGAN", plain((p, r) -> organCount(p, r, true))),
      Map.entry("MULTI_ORGAN", plain((p, r) -> organCount(p, r, false))),
      Map.entry("DFI_LE_12", plain((p, r) -> dfi(p, r, false))),
      Map.entry("AGE_GT_65", plain(EvidenceRules::ageAbove)),
      Map.entry("BRAIN_METASTASIS", plain(EvidenceRules::brain)),
      Map.entry("NON_PULMONARY", plain(EvidenceRules::nonPulmonary)),
      Map.entry("NON_CLEAR_CELL", plain(EvidenceRules::nonClearCell)),
      Map.entry("SARCOMATOID", plain(EvidenceRules::sarcomatoid)),
      Map.entry("HIGH_GRADE", plain((p, r) -> atLeast(r, p.grade(), "grade", "Fuhrman/ISUP grade not recorded"))),
      Map.entry("T_STAGE_GE_3", plain((p, r) -> atLeast(r, p.tStage(), "T", "primary T category not recorded"))),
      Map.entry("NODE_POSITIVE", plain((p, r) -> atLeast(r, p.nStage(), "N", "primary N category not recorded"))),
      Map.entry("LUNG_FEWER_THAN_7", plain(EvidenceRules::lungLesionsBelow)),
      Map.entry("LUNG_DFI_GT_23", plain((p, r) -> dfi(p, r, true))),
      Map.entry("LUNG_AGE_GT_70", plain(EvidenceRules::ageAbove)),
      Map.entry("BONE_ALP_GT_1_5_ULN", plain(EvidenceRules::alkalinePhosphatase)),
      Map.entry("BONE_CRP_GT_3", plain(EvidenceRules::crp)),
      Map.entry("BONE_NON_BONE_METASTASES", plain((p, r) -> boneOnly(p, r, false))),
      Map.entry("BONE_ONLY", plain((p, r) -> boneOnly(p, r, true))),
      Map.entry("BONE_CLEAR_CELL", plain(EvidenceRules::clearCell)),
      Map.entry("LIVER_METACHRONOUS", (p, r, cutoff) -> timing(p, r, false, cutoff)),
      Map.entry("LIVER_SYNCHRONOUS", (p, r, cutoff) -> timing(p, r, true, cutoff)),
      Map.entry("LIVER_ECOG_GT_0", plain(EvidenceRules::ecogAbove)));

  public static Set<String> ids() {
    return RULES.keySet();
  }

  /** Rules that apply: every any-site rule, plus the site rules of the sites this patient has. */
  public static List<RuleResult> evaluate(List<RuleDefinition> rules, PatientFeatures p, long synchronousCutoffMonths) {
    Set<Site> sites = p.currentSites();
    return rules.stream()
        .filter(r -> r.site() == null || sites.contains(r.site()))
        .map(r -> new RuleResult(r, evaluate(r, p, synchronousCutoffMonths)))
        .toList();
  }

  private static FactorResult evaluate(RuleDefinition rule, PatientFeatures p, long cutoff) {
    Evaluator f = RULES.get(rule.id());
    if (f == null) {
      throw new IllegalStateException("no evaluator for rule " + rule.id());
    }
    return f.apply(p, rule, cutoff);
  }

  private static FactorResult solitary(PatientFeatures p, RuleDefinition r) {
    List<Metastasis> current = p.currentMetastases();
    if (current.size() > 1) {
      return new FactorResult(r.id(), FactorStatus.NOT_MET, current.size() + " metastasis records", sources(current));
    }
    if (current.stream().anyMatch(m -> m.lesionCount().isKnown() && m.lesionCount().value() > 1)) {
      Metastasis m = current.get(0);
      return new FactorResult(r.id(), FactorStatus.NOT_MET, m.lesionCount().value() + " lesions (" + m.site().label() + ")", m.source());
    }
    if (current.size() == 1 && current.get(0).lesionCount().isKnown()) {
      Metastasis m = current.get(0);
      return new FactorResult(r.id(), FactorStatus.MET, "1 lesion (" + m.site().label() + ")", m.source());
    }
    return FactorResult.unknown(r.id(), "number of lesions not recorded");
  }

  private static FactorResult organCount(PatientFeatures p, RuleDefinition r, boolean single) {
    Set<Site> sites = p.currentSites();
    if (sites.isEmpty()) {
      return FactorResult.unknown(r.id(), "metastatic sites not recorded");
    }
    boolean isSingle = sites.size() == 1;
    String value = sites.size() + (isSingle ? " organ (" : " organs (") + p.sitesText() + ")";
    return new FactorResult(r.id(), FactorStatus.of(single == isSingle), value, sources(p.currentMetastases()));
  }

  private static FactorResult dfi(PatientFeatures p, RuleDefinition r, boolean longerIsMet) {
    Fact<Long> dfi = Timeline.dfiMonths(p);
    if (!dfi.isKnown()) {
      return FactorResult.unknown(r.id(), "date of nephrectomy/diagnosis or of first metastasis not recorded");
    }
    boolean met = longerIsMet ? dfi.value() > r.thresholdValue() : dfi.value() <= r.thresholdValue();
    String from = p.nephrectomyDate().isKnown() ? "from nephrectomy" : "from diagnosis";
    return new FactorResult(r.id(), FactorStatus.of(met), "DFI " + dfi.value() + " months " + from, dfi.source());
  }

  private static FactorResult ageAbove(PatientFeatures p, RuleDefinition r) {
    if (!p.ageYears().isKnown()) {
      return FactorResult.unknown(r.id(), "birth date not recorded");
    }
    int age = p.ageYears().value();
    return new FactorResult(r.id(), FactorStatus.of(age > r.thresholdValue()), "age " + age, p.ageYears().source());
  }

  private static FactorResult brain(PatientFeatures p, RuleDefinition r) {
    List<Metastasis> brain = p.currentMetastases().stream().filter(m -> m.site() == Site.BRAIN).toList();
    if (!brain.isEmpty()) {
      return new FactorResult(r.id(), FactorStatus.MET, "brain metastasis", sources(brain));
    }
    return p.currentSites().isEmpty()
        ? FactorResult.unknown(r.id(), "metastatic sites not recorded")
        : new FactorResult(r.id(), FactorStatus.NOT_MET, "no brain metastasis recorded", "");
  }

  private static FactorResult nonPulmonary(PatientFeatures p, RuleDefinition r) {
    List<Metastasis> other = p.currentMetastases().stream().filter(m -> m.site() != Site.LUNG).toList();
    if (!other.isEmpty()) {
      return new FactorResult(r.id(), FactorStatus.MET, "metastasis outside the lung (" + p.sitesText() + ")", sources(other));
    }
    return p.currentSites().isEmpty()
        ? FactorResult.unknown(r.id(), "metastatic sites not recorded")
        : new FactorResult(r.id(), FactorStatus.NOT_MET, "lung only", sources(p.currentMetastases()));
  }

  private static FactorResult nonClearCell(PatientFeatures p, RuleDefinition r) {
    if (!p.histology().isKnown() || p.histology().value() == Histology.RCC_NOS) {
      return FactorResult.unknown(r.id(), "histology (ICD-O-3 morphology) not recorded");
    }
    Histology h = p.histology().value();
    return new FactorResult(r.id(), FactorStatus.of(h != Histology.CLEAR_CELL), h.label() + " (" + h.icdO3() + ")", p.histology().source());
  }

  private static FactorResult clearCell(PatientFeatures p, RuleDefinition r) {
    if (!p.histology().isKnown() || p.histology().value() == Histology.RCC_NOS) {
      return FactorResult.unknown(r.id(), "histology (ICD-O-3 morphology) not recorded");
    }
    Histology h = p.histology().value();
    return new FactorResult(r.id(), FactorStatus.of(h == Histology.CLEAR_CELL), h.label() + " (" + h.icdO3() + ")", p.histology().source());
  }

  private static FactorResult sarcomatoid(PatientFeatures p, RuleDefinition r) {
    if (!p.sarcomatoid().isKnown()) {
      return FactorResult.unknown(r.id(), "sarcomatoid features not recorded");
    }
    boolean s = p.sarcomatoid().value();
    return new FactorResult(r.id(), FactorStatus.of(s), s ? "sarcomatoid features" : "no sarcomatoid histology", p.sarcomatoid().source());
  }

  private static FactorResult atLeast(RuleDefinition r, Fact<Integer> value, String prefix, String missing) {
    if (!value.isKnown()) {
      return FactorResult.unknown(r.id(), missing);
    }
    String text = prefix.equals("grade") ? "grade " + value.value() : prefix + value.value();
    return new FactorResult(r.id(), FactorStatus.of(value.value() >= r.thresholdValue()), text, value.source());
  }

  private static FactorResult lungLesionsBelow(PatientFeatures p, RuleDefinition r) {
    List<Metastasis> lung = p.currentMetastases().stream().filter(m -> m.site() == Site.LUNG).toList();
    if (lung.stream().anyMatch(m -> !m.lesionCount().isKnown())) {
      return FactorResult.unknown(r.id(), "number of lung lesions not recorded");
    }
    int count = lung.stream().mapToInt(m -> m.lesionCount().value()).sum();
    return new FactorResult(r.id(), FactorStatus.of(count < r.thresholdValue()), count + " lung lesion" + (count == 1 ? "" : "s"), sources(lung));
  }

  private static FactorResult alkalinePhosphatase(PatientFeatures p, RuleDefinition r) {
    Fact<LabValue> alp = p.lab(Lab.ALKALINE_PHOSPHATASE);
    if (!alp.isKnown()) {
      return FactorResult.unknown(r.id(), "alkaline phosphatase not recorded");
    }
    String text = "ALP " + RiskModels.fmt(alp.value().value()) + " U/L";
    if (!alp.value().upperLimit().isKnown()) {
      return FactorResult.unknown(r.id(), text + ", upper limit unknown");
    }
    double limit = r.thresholdValue() * alp.value().upperLimit().value();
    return new FactorResult(r.id(), FactorStatus.of(alp.value().value() > limit),
        text + " (" + RiskModels.fmt(r.thresholdValue()) + "×ULN = " + RiskModels.fmt(limit) + ")", alp.source());
  }

  private static FactorResult crp(PatientFeatures p, RuleDefinition r) {
    Fact<LabValue> crp = p.lab(Lab.CRP);
    if (!crp.isKnown()) {
      return FactorResult.unknown(r.id(), "CRP not recorded");
    }
    return new FactorResult(r.id(), FactorStatus.of(crp.value().value() > r.thresholdValue()),
        "CRP " + RiskModels.fmt(crp.value().value()) + " mg/L", crp.source());
  }

  private static FactorResult boneOnly(PatientFeatures p, RuleDefinition r, boolean boneOnlyIsMet) {
    List<Metastasis> nonBone = p.currentMetastases().stream().filter(m -> m.site() != Site.BONE).toList();
    boolean boneOnly = nonBone.isEmpty();
    String value = boneOnly ? "bone only" : "also " + nonBone.stream().map(m -> m.site().label()).distinct().reduce((a, b) -> a + ", " + b).orElse("");
    return new FactorResult(r.id(), FactorStatus.of(boneOnly == boneOnlyIsMet), value, sources(p.currentMetastases()));
  }

  private static FactorResult timing(PatientFeatures p, RuleDefinition r, boolean synchronousIsMet, long cutoff) {
    Fact<Boolean> sync = Timeline.synchronous(p, cutoff);
    if (!sync.isKnown()) {
      return FactorResult.unknown(r.id(), "date of primary diagnosis or of first metastasis not recorded");
    }
    String value = sync.value() ? "synchronous (metastasis at diagnosis)" : "metachronous";
    return new FactorResult(r.id(), FactorStatus.of(sync.value() == synchronousIsMet), value, sync.source());
  }

  private static FactorResult ecogAbove(PatientFeatures p, RuleDefinition r) {
    if (!p.ecog().isKnown()) {
      String why = p.kps().isKnown() ? "ECOG not recorded (Karnofsky is not converted)" : "ECOG not recorded";
      return FactorResult.unknown(r.id(), why);
    }
    return new FactorResult(r.id(), FactorStatus.of(p.ecog().value() > r.thresholdValue()), "ECOG " + p.ecog().value(), p.ecog().source());
  }

  private static String sources(List<Metastasis> metastases) {
    return String.join(", ", metastases.stream().map(Metastasis::source).distinct().toList());
  }
}
