package org.metastasectomy.cds.cards;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.metastasectomy.cds.model.Datum;
import org.metastasectomy.cds.model.Item;
import org.metastasectomy.cds.model.RuleId;
import org.metastasectomy.cds.model.RuleResult;

/**
 * How the evidence-profile factors that decided the category read: most telling first, a factor that only restates
 * another folded into it ("1 lesion (lung); also meets: one organ, fewer than 7 lung metastases") so no bullet repeats
 * another, and the dates the finding rests on.
 */
final class ProfileLines {
  private ProfileLines() {}

  /** The order a clinician weighs them: solitary disease and a long DFI; brain and multi-organ disease. */
  private static final List<RuleId> SALIENCE = List.of(
      RuleId.SOLITARY, RuleId.LUNG_DFI_GT_23, RuleId.LIVER_METACHRONOUS, RuleId.BONE_ONLY, RuleId.SINGLE_ORGAN,
      RuleId.BRAIN_METASTASIS, RuleId.MULTI_ORGAN, RuleId.SARCOMATOID, RuleId.DFI_LE_12, RuleId.LIVER_SYNCHRONOUS,
      RuleId.LIVER_ECOG_GT_0, RuleId.LUNG_AGE_GT_70, RuleId.AGE_GT_65);
  /** Met whenever a solitary metastasis is: they add no information once "solitary" is named. */
  private static final Set<RuleId> RESTATE_SOLITARY = Set.of(RuleId.SINGLE_ORGAN, RuleId.LUNG_FEWER_THAN_7);

  /** Most telling first, without the factors that restate a met "solitary". */
  static List<RuleResult> ordered(List<RuleResult> rules) {
    boolean solitary = solitaryMet(rules);
    return rules.stream()
        .filter(r -> !(solitary && RESTATE_SOLITARY.contains(r.rule().id())))
        .sorted(Comparator.comparingInt(r -> {
          int i = SALIENCE.indexOf(r.rule().id());
          return i < 0 ? SALIENCE.size() : i;
        }))
        .toList();
  }

  /** "Solitary metastasis: 1 lesion (lung); also meets: one organ, fewer than 7 lung metastases". */
  static String line(RuleResult r, List<RuleResult> favourableMet) {
    String finding = finding(r);
    String label = r.rule().label();
    // "Brain metastasis", not "Brain metastasis: brain metastasis": a finding that restates the rule is said once, and
    // "Metastasis outside the lung (lung, bone)", not "Metastasis outside the lung: metastasis outside the lung (…)".
    boolean restates = finding.toLowerCase(java.util.Locale.ROOT).startsWith(label.toLowerCase(java.util.Locale.ROOT));
    String line = (restates ? label + finding.substring(label.length()) : label + ": " + finding)
        + dates(r).replace(", first metastasis", " to first metastasis");
    List<RuleResult> folded = folded(r, favourableMet);
    if (!folded.isEmpty()) {
      line += "; also meets: " + String.join(", ", folded.stream().map(f -> f.rule().label().toLowerCase()).toList());
    }
    return line;
  }

  /** The rule's citations and those of the factors folded into it. */
  static List<String> citations(RuleResult r, List<RuleResult> favourableMet) {
    List<String> ids = new ArrayList<>(r.rule().citations());
    folded(r, favourableMet).forEach(f -> ids.addAll(f.rule().citations()));
    return ids;
  }

  /**
   * A factor in the one-line list of further unfavourable factors: its finding, without the sites a line already shown
   * lists ("outside the lung" rather than "outside the lung (lung, bone, liver)").
   */
  static String brief(RuleResult r, List<RuleResult> shown) {
    boolean sitesShown = shown.stream().anyMatch(s -> s.rule().id() == RuleId.MULTI_ORGAN || s.rule().id() == RuleId.SINGLE_ORGAN);
    if (sitesShown && r.rule().id() == RuleId.NON_PULMONARY) {
      return "metastasis outside the lung";
    }
    if (sitesShown && r.rule().id() == RuleId.BONE_NON_BONE_METASTASES) {
      return "bone with non-bone metastases";
    }
    return FindingText.of(r.result(), r.rule().threshold());
  }

  static String finding(RuleResult r) {
    if (r.rule().id() == RuleId.DFI_LE_12 || r.rule().id() == RuleId.LUNG_DFI_GT_23) {
      return DatumText.value(r.result().get(Item.DISEASE_FREE_INTERVAL));
    }
    return FindingText.of(r.result(), r.rule().threshold());
  }

  private static List<RuleResult> folded(RuleResult r, List<RuleResult> favourableMet) {
    if (r.rule().id() != RuleId.SOLITARY || !r.metFavourable()) {
      return List.of();
    }
    return favourableMet.stream().filter(f -> RESTATE_SOLITARY.contains(f.rule().id())).toList();
  }

  private static boolean solitaryMet(List<RuleResult> rules) {
    return rules.stream().anyMatch(r -> r.rule().id() == RuleId.SOLITARY && r.metFavourable());
  }

  /** " (recorded 2026-01-05)" when the datum is dated. */
  static String dated(Datum d) {
    return d.date() == null ? "" : " (recorded " + d.date() + ")";
  }

  /** " (nephrectomy 2022-01-10, first metastasis 2024-08-01)" or " (on 2026-10-01)": the dates the finding rests on. */
  static String dates(RuleResult r) {
    List<String> parts = new ArrayList<>();
    for (Datum d : r.result().data()) {
      if (d.known() && d.value() instanceof LocalDate date) {
        parts.add((d.what() == Item.DIAGNOSIS ? "diagnosis" : d.what().label()) + " " + date);
      }
    }
    if (parts.isEmpty()) {
      r.result().data().stream().filter(d -> d.known() && d.date() != null).findFirst()
          .ifPresent(d -> parts.add("on " + d.date()));
    }
    return parts.isEmpty() ? "" : " (" + String.join(", ", parts) + ")";
  }
}
