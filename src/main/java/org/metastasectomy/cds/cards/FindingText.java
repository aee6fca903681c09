package org.metastasectomy.cds.cards;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;
import org.metastasectomy.cds.model.Datum;
import org.metastasectomy.cds.model.FactorResult;
import org.metastasectomy.cds.model.FactorStatus;
import org.metastasectomy.cds.model.Histology;
import org.metastasectomy.cds.model.Item;
import org.metastasectomy.cds.model.Lab;
import org.metastasectomy.cds.model.Measure;
import org.metastasectomy.cds.model.Reason;
import org.metastasectomy.cds.model.RiskResult;
import org.metastasectomy.cds.model.RuleResult;
import org.metastasectomy.cds.model.Site;

/**
 * How a rule's result reads on a card, rendered from its structured data: "1 lesion (lung)", "DFI 31 months from
 * nephrectomy", "Karnofsky not recorded (ECOG is not converted)". Never parses text; a new rule without a sentence of
 * its own reads as its data.
 */
final class FindingText {
  private FindingText() {}

  /**
   * @param threshold the cut-off of the rule's definition (for "1.5×ULN = 195"), or null
   */
  static String of(FactorResult r, Double threshold) {
    return r.status() == FactorStatus.UNKNOWN ? unknown(r) : decided(r, threshold);
  }

  private static String decided(FactorResult r, Double threshold) {
    boolean met = r.met();
    return switch (r.id()) {
      case SOLITARY -> r.datum(Item.METASTASIS_RECORDS).isPresent()
          ? integer(r, Item.METASTASIS_RECORDS) + " metastasis records"
          : lesions(integer(r, Item.LESIONS)) + " (" + r.get(Item.SITE).value(Site.class).label() + ")";
      case SINGLE_ORGAN, MULTI_ORGAN -> organs(sites(r, Item.SITES));
      case DFI_LE_12, LUNG_DFI_GT_23 -> "DFI " + r.get(Item.DISEASE_FREE_INTERVAL).value() + " months "
          + (r.datum(Item.NEPHRECTOMY).isPresent() ? "from nephrectomy" : "from diagnosis");
      case AGE_GT_65, LUNG_AGE_GT_70 -> "age " + integer(r, Item.AGE);
      case BRAIN_METASTASIS -> met ? "brain metastasis" : "no brain metastasis recorded";
      case NON_PULMONARY -> met ? "metastasis outside the lung (" + CardText.sites(sites(r, Item.SITES)) + ")" : "lung only";
      case NON_CLEAR_CELL, BONE_CLEAR_CELL -> histology(r.get(Item.HISTOLOGY).value(Histology.class));
      case SARCOMATOID -> r.get(Item.SARCOMATOID).value(Boolean.class) ? "sarcomatoid features" : "no sarcomatoid histology";
      case HIGH_GRADE -> "grade " + integer(r, Item.GRADE);
      case T_STAGE_GE_3 -> "T" + integer(r, Item.T_CATEGORY);
      case NODE_POSITIVE -> "N" + integer(r, Item.N_CATEGORY);
      case LUNG_FEWER_THAN_7 -> integer(r, Item.LUNG_LESIONS) + " lung lesion" + (integer(r, Item.LUNG_LESIONS) == 1 ? "" : "s");
      case BONE_ALP_GT_1_5_ULN -> "ALP " + value(r, Lab.ALKALINE_PHOSPHATASE) + " U/L" + timesLimit(r, threshold);
      case BONE_CRP_GT_3 -> "CRP " + value(r, Lab.CRP) + " mg/L";
      case BONE_ONLY, BONE_NON_BONE_METASTASES -> sites(r, Item.SITES_BESIDES_BONE).isEmpty()
          ? "bone only" : "also " + CardText.sites(sites(r, Item.SITES_BESIDES_BONE));
      case LIVER_METACHRONOUS, LIVER_SYNCHRONOUS ->
          r.get(Item.SYNCHRONOUS).value(Boolean.class) ? "synchronous (metastasis at diagnosis)" : "metachronous";
      case LIVER_ECOG_GT_0 -> "ECOG " + integer(r, Item.ECOG);
      case KPS_LT_80 -> "KPS " + integer(r, Item.KARNOFSKY) + "%";
      case DIAG_TO_TREAT_LT_1Y -> r.datum(Item.SINCE_DIAGNOSIS).isPresent()
          ? r.get(Item.SINCE_DIAGNOSIS).value() + " months since diagnosis"
          : r.get(Item.DIAGNOSIS_TO_TREATMENT).value() + " months from diagnosis "
              + (r.get(Item.SYSTEMIC_THERAPY_START).known() ? "to systemic therapy" : "to today (no therapy for metastatic disease yet)");
      case HB_LT_LLN -> "Hb " + value(r, Lab.HAEMOGLOBIN) + " g/dL (LLN " + Numbers.fmt(r.get(Item.LOWER_LIMIT).number()) + ")";
      case CORR_CA_GT_ULN -> "corrected Ca " + value(r, Item.CORRECTED_CALCIUM) + " mg/dL (ULN "
          + Numbers.fmt(r.get(Item.UPPER_LIMIT).number()) + ")";
      case CORR_CA_GT_10 -> "corrected Ca " + value(r, Item.CORRECTED_CALCIUM) + " mg/dL";
      case NEUTROPHILS_GT_ULN -> aboveUln(r, Lab.NEUTROPHILS);
      case PLATELETS_GT_ULN -> aboveUln(r, Lab.PLATELETS);
      case LDH_GT_1_5_ULN -> "LDH " + value(r, Lab.LDH) + " U/L" + timesLimit(r, threshold);
      default -> data(r);
    };
  }

  /** Why a factor is unknown, as the card's list of missing data words it. */
  private static String unknown(FactorResult r) {
    // Reasons that say a value exists but is not used: never worded as "not recorded".
    if (r.reason() instanceof Reason.Preliminary p) {
      return ReasonText.of(p.result().what(), p);
    }
    if (r.reason() instanceof Reason.FutureDated f) {
      return "dated after today (" + f.date() + "), not used"; // the source is in the card's trace, not in its text
    }
    if (r.reason() instanceof Reason.DifferentDraws d) {
      return ReasonText.of(Item.CORRECTED_CALCIUM.label(), d);
    }
    return switch (r.id()) {
      case KPS_LT_80 -> "Karnofsky not recorded" + (known(r, Item.ECOG) ? " (ECOG is not converted)" : "");
      case DIAG_TO_TREAT_LT_1Y -> !known(r, Item.DIAGNOSIS) ? "diagnosis date not recorded"
          : r.reason() instanceof Reason.NotFetched ? "systemic therapy history could not be read (start date of treatment unknown)"
          : "start of therapy for metastatic disease unknown (an undated therapy, or a therapy with the first metastasis undated)";
      case HB_LT_LLN -> limitUnknown(r) ? "haemoglobin " + value(r, Lab.HAEMOGLOBIN) + " g/dL, lower limit unknown"
          : "haemoglobin not recorded";
      case CORR_CA_GT_ULN, CORR_CA_GT_10 -> !known(r, Lab.CALCIUM) ? "calcium not recorded"
          : !known(r, Lab.ALBUMIN) ? "albumin not recorded (needed to correct calcium)"
          : "corrected calcium " + value(r, Item.CORRECTED_CALCIUM) + " mg/dL, upper limit unknown";
      case NEUTROPHILS_GT_ULN -> labUnknown(r, Lab.NEUTROPHILS, Lab.NEUTROPHILS.label());
      case PLATELETS_GT_ULN -> labUnknown(r, Lab.PLATELETS, Lab.PLATELETS.label());
      case LDH_GT_1_5_ULN -> labUnknown(r, Lab.LDH, "LDH");
      default -> r.data().stream().filter(d -> !d.known()).map(d -> d.what().label() + " not recorded").findFirst()
          .orElse("not recorded");
    };
  }

  /** The reasons an order-time card gives for this patient, one per line. */
  static List<String> reasons(FactorResult r) {
    return switch (r.id()) {
      // Plain words only: the FHIR references are in the card's trace (CardTrace), not in the clinician's text.
      case ADJUVANT_AFTER_METASTASECTOMY, ADJUVANT_NED_UNCONFIRMED -> List.of(
          r.get(Item.METASTASECTOMY).known()
              ? "metastasectomy on " + r.get(Item.METASTASECTOMY).value(LocalDate.class)
              : "metastasectomy recorded without a date",
          ((List<?>) r.get(Item.METASTASIS_STATUS).value()).isEmpty() ? "no metastasis recorded"
              : "metastases: " + ((List<?>) r.get(Item.METASTASIS_STATUS).value()).stream().map(String::valueOf)
                  .collect(Collectors.joining("; ")));
      case SYSTEMIC_BEFORE_TUMOUR_BOARD -> {
        List<RuleResult> met = ((List<?>) r.get(Item.FAVOURABLE_FACTORS).value()).stream().map(RuleResult.class::cast).toList();
        yield ProfileLines.ordered(met).stream().map(f -> ProfileLines.line(f, met)).toList();
      }
      case CHEST_RADIOGRAPH_STAGING -> List.of("primary tumour T" + integer(r, Item.T_CATEGORY)
          + ProfileLines.dated(r.get(Item.T_CATEGORY)));
      case CYTOREDUCTIVE_NEPHRECTOMY -> List.of("synchronous metastatic disease (" + CardText.sites(sites(r, Item.SITES)) + ")",
          "IMDC " + RiskText.describe(r.get(Item.IMDC).value(RiskResult.class)));
      default -> List.of(data(r));
    };
  }

  private static String lesions(int n) {
    return n + (n == 1 ? " lesion" : " lesions");
  }

  private static String organs(List<Site> sites) {
    return sites.size() + (sites.size() == 1 ? " organ (" : " organs (") + CardText.sites(sites) + ")";
  }

  private static String histology(Histology h) {
    return h.label() + " (" + h.icdO3() + ")";
  }

  private static String aboveUln(FactorResult r, Lab lab) {
    return lab.label() + " " + value(r, lab) + " " + lab.canonicalUnit() + " (ULN " + Numbers.fmt(r.get(Item.UPPER_LIMIT).number()) + ")";
  }

  /** " (1.5×ULN = 195)": the cut-off of a rule that multiplies the upper limit of normal. */
  private static String timesLimit(FactorResult r, Double threshold) {
    double uln = r.get(Item.UPPER_LIMIT).number();
    return " (" + Numbers.fmt(threshold) + "×ULN = " + Numbers.fmt(threshold * uln) + ")";
  }

  /** "LDH not recorded", or "LDH 300 U/L, upper limit unknown". */
  private static String labUnknown(FactorResult r, Lab lab, String name) {
    return limitUnknown(r) ? name + " " + value(r, lab) + " " + lab.canonicalUnit() + ", upper limit unknown"
        : lab.label() + " not recorded";
  }

  private static boolean limitUnknown(FactorResult r) {
    return r.reason() instanceof Reason.LimitUnknown;
  }

  private static boolean known(FactorResult r, Measure what) {
    return r.datum(what).map(Datum::known).orElse(false);
  }

  private static int integer(FactorResult r, Item item) {
    return r.get(item).value(Integer.class);
  }

  private static String value(FactorResult r, Measure what) {
    return Numbers.fmt(r.get(what).number());
  }

  @SuppressWarnings("unchecked")
  private static List<Site> sites(FactorResult r, Item item) {
    return (List<Site>) r.get(item).value();
  }

  /** Any other result: its known data, "what value unit" each. */
  private static String data(FactorResult r) {
    return r.data().stream().filter(Datum::known)
        .map(d -> d.what().label() + " " + d.value() + (d.unit() == null ? "" : " " + d.unit()))
        .collect(Collectors.joining("; "));
  }
}
