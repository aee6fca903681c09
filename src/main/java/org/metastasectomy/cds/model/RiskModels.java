package org.metastasectomy.cds.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * IMDC (Heng 2009) and MSKCC (Motzer 2002) exactly as published: one point per adverse factor; the cut-offs come from
 * the knowledge file.
 */
public final class RiskModels {
  private RiskModels() {}

  private static final Map<String, BiFunction<PatientFeatures, RiskFactorDefinition, FactorResult>> FACTORS =
      Map.of(
          "KPS_LT_80", RiskModels::kpsBelow,
          "DIAG_TO_TREAT_LT_1Y", RiskModels::diagnosisToTreatmentBelow,
          "HB_LT_LLN", RiskModels::hemoglobinBelowLln,
          "CORR_CA_GT_ULN", RiskModels::correctedCalciumAboveUln,
          "CORR_CA_GT_10", RiskModels::correctedCalciumAbove,
          "NEUTROPHILS_GT_ULN", (p, d) -> aboveUln(p, d, Lab.NEUTROPHILS),
          "PLATELETS_GT_ULN", (p, d) -> aboveUln(p, d, Lab.PLATELETS),
          "LDH_GT_1_5_ULN", RiskModels::ldhAboveMultipleOfUln);

  public static boolean knows(String factorId) {
    return FACTORS.containsKey(factorId);
  }

  public static RiskResult evaluate(RiskModelDefinition model, PatientFeatures p) {
    List<FactorResult> results = new ArrayList<>();
    for (RiskFactorDefinition def : model.factors()) {
      BiFunction<PatientFeatures, RiskFactorDefinition, FactorResult> f = FACTORS.get(def.id());
      if (f == null) {
        throw new IllegalStateException("no evaluator for " + model.id() + " factor " + def.id());
      }
      results.add(f.apply(p, def));
    }
    int met = (int) results.stream().filter(r -> r.status() == FactorStatus.MET).count();
    int unknown = (int) results.stream().filter(r -> r.status() == FactorStatus.UNKNOWN).count();
    List<RiskGroup> groups = new ArrayList<>();
    for (int score = met; score <= met + unknown; score++) {
      RiskGroup g = model.groupOf(score);
      if (!groups.contains(g)) {
        groups.add(g);
      }
    }
    return new RiskResult(model, results, met, met + unknown, groups);
  }

  private static FactorResult kpsBelow(PatientFeatures p, RiskFactorDefinition d) {
    if (!p.kps().isKnown()) {
      String why = p.ecog().isKnown() ? "Karnofsky not recorded (ECOG is not converted)" : "Karnofsky not recorded";
      return FactorResult.unknown(d.id(), why);
    }
    return new FactorResult(d.id(), FactorStatus.of(p.kps().value() < d.threshold()), "KPS " + p.kps().value() + "%", p.kps().source());
  }

  private static FactorResult diagnosisToTreatmentBelow(PatientFeatures p, RiskFactorDefinition d) {
    Fact<Long> months = Timeline.diagnosisToTreatmentMonths(p);
    if (!months.isKnown()) {
      if (!p.diagnosisDate().isKnown()) {
        return FactorResult.unknown(d.id(), "diagnosis date not recorded");
      }
      long sinceDiagnosis = Timeline.months(p.diagnosisDate().value(), p.asOf());
      if (sinceDiagnosis < d.threshold()) {
        // Any treatment start before today lies within the year too: met whatever the medication history holds.
        return new FactorResult(d.id(), FactorStatus.MET, sinceDiagnosis + " months since diagnosis", p.diagnosisDate().source());
      }
      return FactorResult.unknown(d.id(), "systemic therapy history could not be read (start date of treatment unknown)");
    }
    String to = p.systemicTherapyStart().isKnown() ? "to systemic therapy" : "to today (no systemic therapy yet)";
    boolean met = months.value() < d.threshold();
    return new FactorResult(d.id(), FactorStatus.of(met), months.value() + " months from diagnosis " + to, months.source());
  }

  private static FactorResult hemoglobinBelowLln(PatientFeatures p, RiskFactorDefinition d) {
    Fact<LabValue> hb = p.lab(Lab.HEMOGLOBIN);
    if (!hb.isKnown()) {
      return FactorResult.unknown(d.id(), "haemoglobin not recorded");
    }
    if (!hb.value().lowerLimit().isKnown()) {
      return FactorResult.unknown(d.id(), "haemoglobin " + fmt(hb.value().value()) + " g/dL, lower limit unknown");
    }
    double lln = hb.value().lowerLimit().value();
    return new FactorResult(d.id(), FactorStatus.of(hb.value().value() < lln),
        "Hb " + fmt(hb.value().value()) + " g/dL (LLN " + fmt(lln) + ")", hb.source());
  }

  /** Corrected calcium (clinical-notes 3.4): Ca + 0.8 × (4.0 − albumin), in mg/dL and g/dL. */
  public static Fact<Double> correctedCalcium(PatientFeatures p) {
    Fact<LabValue> ca = p.lab(Lab.CALCIUM);
    Fact<LabValue> alb = p.lab(Lab.ALBUMIN);
    if (!ca.isKnown() || !alb.isKnown()) {
      return Fact.unknown();
    }
    double corrected = ca.value().value() + 0.8 * (4.0 - alb.value().value());
    return Fact.of(corrected, Timeline.joinSources(ca.source(), alb.source()));
  }

  private static FactorResult correctedCalciumAboveUln(PatientFeatures p, RiskFactorDefinition d) {
    Fact<Double> corrected = correctedCalcium(p);
    if (!corrected.isKnown()) {
      return FactorResult.unknown(d.id(), calciumMissing(p));
    }
    Fact<Double> uln = p.lab(Lab.CALCIUM).value().upperLimit();
    if (!uln.isKnown()) {
      return FactorResult.unknown(d.id(), "corrected calcium " + fmt(corrected.value()) + " mg/dL, upper limit unknown");
    }
    return new FactorResult(d.id(), FactorStatus.of(corrected.value() > uln.value()),
        "corrected Ca " + fmt(corrected.value()) + " mg/dL (ULN " + fmt(uln.value()) + ")", corrected.source());
  }

  private static FactorResult correctedCalciumAbove(PatientFeatures p, RiskFactorDefinition d) {
    Fact<Double> corrected = correctedCalcium(p);
    if (!corrected.isKnown()) {
      return FactorResult.unknown(d.id(), calciumMissing(p));
    }
    return new FactorResult(d.id(), FactorStatus.of(corrected.value() > d.threshold()),
        "corrected Ca " + fmt(corrected.value()) + " mg/dL", corrected.source());
  }

  private static String calciumMissing(PatientFeatures p) {
    if (!p.lab(Lab.CALCIUM).isKnown()) {
      return "calcium not recorded";
    }
    return "albumin not recorded (needed to correct calcium)";
  }

  private static FactorResult aboveUln(PatientFeatures p, RiskFactorDefinition d, Lab lab) {
    Fact<LabValue> v = p.lab(lab);
    if (!v.isKnown()) {
      return FactorResult.unknown(d.id(), lab.label() + " not recorded");
    }
    String text = lab.label() + " " + fmt(v.value().value()) + " " + lab.canonicalUnit();
    if (!v.value().upperLimit().isKnown()) {
      return FactorResult.unknown(d.id(), text + ", upper limit unknown");
    }
    double uln = v.value().upperLimit().value();
    return new FactorResult(d.id(), FactorStatus.of(v.value().value() > uln), text + " (ULN " + fmt(uln) + ")", v.source());
  }

  private static FactorResult ldhAboveMultipleOfUln(PatientFeatures p, RiskFactorDefinition d) {
    Fact<LabValue> v = p.lab(Lab.LDH);
    if (!v.isKnown()) {
      return FactorResult.unknown(d.id(), "LDH not recorded");
    }
    String text = "LDH " + fmt(v.value().value()) + " U/L";
    if (!v.value().upperLimit().isKnown()) {
      return FactorResult.unknown(d.id(), text + ", upper limit unknown");
    }
    double limit = d.threshold() * v.value().upperLimit().value();
    return new FactorResult(d.id(), FactorStatus.of(v.value().value() > limit),
        text + " (" + fmt(d.threshold()) + "×ULN = " + fmt(limit) + ")", v.source());
  }

  public static String fmt(double v) {
    if (v == Math.rint(v)) {
      return String.valueOf((long) v);
    }
    return String.valueOf(Math.round(v * 100.0) / 100.0);
  }
}
