package org.metastasectomy.cds.cards;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.metastasectomy.cds.model.Datum;
import org.metastasectomy.cds.model.FactorResult;
import org.metastasectomy.cds.model.FactorStatus;
import org.metastasectomy.cds.model.Item;
import org.metastasectomy.cds.model.Reason;
import org.metastasectomy.cds.model.RiskResult;
import org.metastasectomy.cds.model.RuleId;

/**
 * Every factor of IMDC and MSKCC for this patient, one line each (a factor the models share once): met with its value,
 * unit and date; not met with its value and date; unknown with the reason in {@link ReasonText}'s words. Rendered from
 * the structured results only.
 */
final class RiskFactorLines {
  private RiskFactorLines() {}

  /** What each factor measures, in plain words; the cut-offs with their units are on the rules page. */
  private static final Map<RuleId, String> NAMES = Map.of(
      RuleId.KPS_LT_80, "Karnofsky",
      RuleId.DIAG_TO_TREAT_LT_1Y, "diagnosis to systemic therapy",
      RuleId.HB_LT_LLN, "Hb",
      RuleId.CORR_CA_GT_ULN, "corrected Ca",
      RuleId.CORR_CA_GT_10, "corrected Ca",
      RuleId.NEUTROPHILS_GT_ULN, "neutrophils",
      RuleId.PLATELETS_GT_ULN, "platelets",
      RuleId.LDH_GT_1_5_ULN, "LDH");

  /** The factors of both models in the order IMDC then MSKCC lists them, each once. */
  static List<FactorResult> factors(RiskResult imdc, RiskResult mskcc) {
    Map<RuleId, FactorResult> byId = new LinkedHashMap<>();
    imdc.factors().forEach(f -> byId.putIfAbsent(f.id(), f));
    mskcc.factors().forEach(f -> byId.putIfAbsent(f.id(), f));
    return List.copyOf(byId.values());
  }

  /**
   * Three lines at most: the factors present (each with value, unit and date), the unknown ones (each with its reason),
   * the factors absent (each with its value and date; their limits of normal are in the trace and on /rules, to keep
   * the panel short); a date shared by most results is written once. The two calcium factors
   * are one entry when both are decided alike.
   */
  static List<String> lines(RiskResult imdc, RiskResult mskcc) {
    List<FactorResult> all = factors(imdc, mskcc);
    Map<RuleId, Double> cutOffs = new java.util.EnumMap<>(RuleId.class);
    for (RiskResult r : List.of(imdc, mskcc)) {
      r.model().factors().stream().filter(f -> f.threshold() != null).forEach(f -> cutOffs.put(f.id(), f.threshold()));
    }
    List<String> out = new ArrayList<>();
    group(out, "**Present**", all, FactorStatus.MET, cutOffs);
    List<FactorResult> unknown = all.stream().filter(f -> f.status() == FactorStatus.UNKNOWN).toList();
    if (!unknown.isEmpty()) {
      out.add("**Unknown**: " + unknownText(unknown));
    }
    group(out, "Absent", all, FactorStatus.NOT_MET, cutOffs);
    return out;
  }

  private static void group(List<String> out, String heading, List<FactorResult> all, FactorStatus status,
      Map<RuleId, Double> cutOffs) {
    List<FactorResult> these = all.stream().filter(f -> f.status() == status).toList();
    if (these.isEmpty()) {
      return;
    }
    LocalDate common = commonDate(these);
    boolean bothCalcium = these.stream().filter(f -> f.id() == RuleId.CORR_CA_GT_ULN || f.id() == RuleId.CORR_CA_GT_10).count() == 2;
    List<String> parts = new ArrayList<>();
    for (FactorResult f : these) {
      if (bothCalcium && f.id() == RuleId.CORR_CA_GT_10) {
        continue;
      }
      String part = part(f, NAMES.getOrDefault(f.id(), f.id().name()), common, cutOffs, status == FactorStatus.MET);
      String mskccCalcium = "MSKCC > " + Numbers.fmt(cutOffs.getOrDefault(RuleId.CORR_CA_GT_10, Double.NaN));
      if (f.id() == RuleId.CORR_CA_GT_10) {
        part += " (" + mskccCalcium + ")";
      } else if (bothCalcium && f.id() == RuleId.CORR_CA_GT_ULN && status == FactorStatus.MET) {
        part = part.substring(0, part.length() - 1) + "; " + mskccCalcium + ")";
      }
      parts.add(part);
    }
    out.add(heading + (common == null ? "" : " (" + common + " unless dated)") + ": " + String.join("; ", parts));
  }

  private static String part(FactorResult f, String name, LocalDate common, Map<RuleId, Double> cutOffs, boolean withLimit) {
    if (f.id() == RuleId.DIAG_TO_TREAT_LT_1Y) {
      return interval(f);
    }
    LocalDate date = date(f);
    return name + " " + DatumText.value(f.data().get(0)) + (date == null || date.equals(common) ? "" : " on " + date)
        + (withLimit ? limit(f, cutOffs.get(f.id())) : "");
  }

  /** The date most of these results share, when at least two do. */
  private static LocalDate commonDate(List<FactorResult> results) {
    Map<LocalDate, Integer> counts = new LinkedHashMap<>();
    results.stream().map(RiskFactorLines::date).filter(d -> d != null).forEach(d -> counts.merge(d, 1, Integer::sum));
    return counts.entrySet().stream().filter(e -> e.getValue() >= 2).max(Map.Entry.comparingByValue())
        .map(Map.Entry::getKey).orElse(null);
  }

  /** "Karnofsky: yes, 60% on 2026-11-20" — one factor on its own, as the trace and the tests read it. */
  static String line(FactorResult f) {
    String name = NAMES.getOrDefault(f.id(), f.id().name());
    return switch (f.status()) {
      case MET -> name + ": yes, " + decided(f);
      case NOT_MET -> name + ": no, " + decided(f);
      case UNKNOWN -> unknown(f);
    };
  }

  private static String decided(FactorResult f) {
    if (f.id() == RuleId.DIAG_TO_TREAT_LT_1Y) {
      return interval(f);
    }
    return DatumText.value(f.data().get(0)) + on(f) + limit(f, null);
  }

  /** " (LLN 13.2)", " (ULN 400)", or " (1.5×ULN 250)" when the cut-off multiplies the limit of normal. */
  private static String limit(FactorResult f, Double multiple) {
    Datum limit = f.datum(Item.UPPER_LIMIT).or(() -> f.datum(Item.LOWER_LIMIT)).orElse(null);
    if (limit == null || !limit.known()) {
      return "";
    }
    String name = limit.what() == Item.UPPER_LIMIT ? "ULN " : "LLN ";
    return " (" + (multiple == null ? "" : Numbers.fmt(multiple) + "×") + name + Numbers.fmt(limit.number()) + ")";
  }

  /**
   * "14 months from diagnosis (2025-08-01) to therapy (2026-10-01)", "38 months from diagnosis (2023-09-18), no therapy
   * for metastatic disease", or "3 months since diagnosis (2026-08-24), under 1 year whenever therapy starts".
   */
  private static String interval(FactorResult f) {
    Datum diagnosis = f.datum(Item.DIAGNOSIS).orElse(null);
    String from = diagnosis != null && diagnosis.known() ? " (" + diagnosis.value() + ")" : "";
    if (f.datum(Item.SINCE_DIAGNOSIS).isPresent()) {
      return months(f.get(Item.SINCE_DIAGNOSIS)) + " since diagnosis" + from + ", under 1 year whenever therapy starts";
    }
    Datum therapy = f.datum(Item.SYSTEMIC_THERAPY_START).orElse(null);
    String to = therapy != null && therapy.known() ? " to therapy (" + therapy.value() + ")" : ", no therapy for metastatic disease";
    return months(f.get(Item.DIAGNOSIS_TO_TREATMENT)) + " from diagnosis" + from + to;
  }

  private static String months(Datum d) {
    return d.value() + (((Number) d.value()).longValue() == 1 ? " month" : " months");
  }

  /**
   * The unknown factors: those simply not recorded named in one phrase ("haemoglobin, LDH not recorded"), values
   * without a limit of normal in another (their shared date once), every other reason in its own words; a reason two
   * factors share (calcium for both calcium factors) said once.
   */
  private static String unknownText(List<FactorResult> unknown) {
    Set<String> notRecorded = new LinkedHashSet<>();
    List<FactorResult> noLimit = new ArrayList<>();
    Set<String> others = new LinkedHashSet<>();
    for (FactorResult f : unknown) {
      Datum missing = f.reason() instanceof Reason.NotRecorded
          ? f.data().stream().filter(d -> !d.known() && f.reason().equals(d.missing())).findFirst().orElse(null) : null;
      if (missing != null) {
        notRecorded.add(missing.what().label());
      } else if (f.reason() instanceof Reason.LimitUnknown && !f.data().isEmpty() && f.data().get(0).known()) {
        noLimit.add(f);
      } else {
        others.add(unknown(f));
      }
    }
    List<String> parts = new ArrayList<>();
    if (!notRecorded.isEmpty()) {
      parts.add(String.join(", ", notRecorded) + " not recorded");
    }
    if (noLimit.size() == 1) {
      parts.add(unknown(noLimit.get(0)));
    } else if (noLimit.size() > 1) {
      // "limit of normal not recorded (2026-11-10 unless dated): Hb 12.1 g/dL, LDH 260 U/L"
      LocalDate common = commonDate(noLimit);
      parts.add("limit of normal not recorded" + (common == null ? "" : " (" + common + " unless dated)") + ": "
          + String.join(", ", noLimit.stream().map(f -> part(f, NAMES.getOrDefault(f.id(), f.data().get(0).what().label()),
              common, Map.of(), false)).distinct().toList()));
    }
    parts.addAll(others);
    return String.join("; ", parts);
  }

  private static String unknown(FactorResult f) {
    Reason why = f.reason();
    if (why instanceof Reason.LimitUnknown) {
      Datum main = f.data().get(0);
      return NAMES.getOrDefault(f.id(), main.what().label()) + " " + DatumText.value(main) + on(f) + ", " + (((Reason.LimitUnknown) why).limit() == Reason.Limit.UPPER
          ? "upper" : "lower") + " limit of normal not recorded";
    }
    if (why instanceof Reason.NotConvertible c) {
      // "Karnofsky not recorded (ECOG performance status recorded, never converted)"
      return NAMES.getOrDefault(f.id(), c.needed().label()) + " not recorded (" + c.recorded().label() + " recorded, never converted)";
    }
    if (why instanceof Reason.DifferentDraws d) {
      return ReasonText.of(Item.CORRECTED_CALCIUM.label(), d);
    }
    return ReasonText.of(f);
  }

  /** " on 2026-10-01": the date of the first dated datum (the corrected calcium takes the calcium's). */
  private static String on(FactorResult f) {
    LocalDate date = date(f);
    return date == null ? "" : " on " + date;
  }

  private static LocalDate date(FactorResult f) {
    return f.data().stream().map(Datum::date).filter(d -> d != null).findFirst().orElse(null);
  }

  /** "favourable (score 0 of 6)" or "favourable to poor (score 1–4 of 6; 3 unknown)". */
  static String group(RiskResult r) {
    int of = r.model().factors().size();
    if (r.determined()) {
      return r.groups().get(0).label() + " (score " + r.minScore() + " of " + of + ")";
    }
    return r.groups().get(0).label() + " to " + r.groups().get(r.groups().size() - 1).label()
        + " (score " + r.minScore() + "–" + r.maxScore() + " of " + of + "; " + r.unknownFactors().size() + " unknown)";
  }

  static boolean anyUnknown(RiskResult r) {
    return r.factors().stream().anyMatch(f -> f.status() == FactorStatus.UNKNOWN);
  }
}
