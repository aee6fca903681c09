package org.metastasectomy.cds.cards;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.metastasectomy.cds.knowledge.KnowledgeBase;
import org.metastasectomy.cds.model.Assessment;
import org.metastasectomy.cds.model.Reason;
import org.metastasectomy.cds.model.RuleResult;

/**
 * The Markdown detail of the patient-view card, for a narrow EHR side panel (lists, no tables, no HTML, no FHIR ids):
 * the recommendation first, then the factors that decided it with their data and what is missing and why, every IMDC
 * and MSKCC factor, then the evidence's limitation and a link to the survival and complication figures on the rules
 * page. Aimed at 1,200 characters or fewer (issue 12 item 4); a card with cautions or many factors is longer, since no
 * factor, source or caution is left out. Every reference marker it writes becomes a link on the card ({@link Markers}).
 */
final class ProfileDetail {
  /** Unfavourable factors shown with their data; the others are named in one line (all are in the trace). */
  static final int SHOWN_FACTORS = 2;

  /** The label of the link to the survival ranges and complication rates on the rules page. */
  static final String EVIDENCE_LINK = "Complications and 5-year survival by site";

  private final KnowledgeBase knowledge;
  private final Assessment a;
  private final String rulesPageUrl;
  private final Markers markers;

  /** @param rulesPageUrl the rules page, without fragment */
  ProfileDetail(KnowledgeBase knowledge, Assessment a, String rulesPageUrl, Markers markers) {
    this.knowledge = knowledge;
    this.a = a;
    this.rulesPageUrl = rulesPageUrl;
    this.markers = markers;
  }

  String markdown() {
    StringBuilder md = new StringBuilder();
    recommendation(md);
    profile(md);
    risk(md);
    evidence(md);
    return md.toString();
  }

  private void recommendation(StringBuilder md) {
    List<Cautions.Caution> cautions = Cautions.of(a);
    if (cautions.isEmpty()) {
      md.append("**Consider tumour board review of metastasectomy** ").append(markers.of(List.of("review"))).append("\n\n");
      return;
    }
    md.append("**Tumour board review, with caution: less benefit is reported for patients like this one.**\n\n");
    for (Cautions.Caution c : cautions) {
      md.append("- ").append(CardText.md(c.text())).append(' ').append(markers.of(c.citations())).append('\n');
    }
    md.append('\n');
  }

  private void profile(StringBuilder md) {
    md.append("**Evidence profile: ").append(CandidacyText.of(a)).append("** (").append(a.favourableMet().size())
        .append(" favourable, ").append(a.unfavourableMet().size()).append(" unfavourable met)\n\n");
    List<RuleResult> favourable = ProfileLines.ordered(a.favourableMet());
    List<RuleResult> unfavourable = ProfileLines.ordered(a.unfavourableMet());
    List<RuleResult> shown = new ArrayList<>(favourable);
    shown.addAll(unfavourable.subList(0, Math.min(SHOWN_FACTORS, unfavourable.size())));
    int listStart = md.length();
    factors(md, shown);
    if (unfavourable.size() > SHOWN_FACTORS) {
      List<RuleResult> rest = unfavourable.subList(SHOWN_FACTORS, unfavourable.size());
      md.append("- Also unfavourable: ").append(CardText.md(rest.stream().map(r -> ProfileLines.brief(r, shown))
          .collect(Collectors.joining("; ")))).append(' ')
          .append(markers.of(rest.stream().flatMap(r -> r.rule().citations().stream()).toList())).append('\n');
    }
    missing(md);
    if (md.length() > listStart) {
      md.append('\n');
    }
  }

  private void factors(StringBuilder md, List<RuleResult> rules) {
    for (RuleResult r : rules) {
      md.append("- ").append(CardText.md(ProfileLines.line(r, a.favourableMet()))).append(' ')
          .append(markers.of(ProfileLines.citations(r, a.favourableMet()))).append('\n');
    }
  }

  private void risk(StringBuilder md) {
    md.append("**IMDC ").append(RiskFactorLines.group(a.imdc())).append("** ").append(markers.of(a.imdc().model().citations()))
        .append(", **MSKCC ").append(RiskFactorLines.group(a.mskcc())).append("** ")
        .append(markers.of(a.mskcc().model().citations())).append("\n\n");
    RiskFactorLines.lines(a.imdc(), a.mskcc()).forEach(l -> md.append("- ").append(mdKeepBold(l)).append('\n'));
    md.append('\n');
  }

  /**
   * Profile rules that are unknown, by kind of reason, under the factors met: only what is truly absent is asked to be
   * recorded, in one line.
   */
  private void missing(StringBuilder md) {
    Map<String, List<String>> toRecord = new LinkedHashMap<>();
    Map<String, List<String>> other = new LinkedHashMap<>();
    for (RuleResult r : a.unknown()) {
      Reason why = r.result().reason();
      switch (ReasonText.kind(why)) {
        case NOT_RECORDED -> toRecord.computeIfAbsent(r.rule().toDocument(), k -> new ArrayList<>()).add(r.rule().label());
        case NOT_FETCHED -> { } // said once below, with where from
        default -> other.computeIfAbsent(ReasonText.of(r.result()), k -> new ArrayList<>()).add(r.rule().label());
      }
    }
    List<Reason.NotFetched> notFetched = a.features().notFetched();
    List<Reason.FutureDated> ignored = a.features().ignored();
    if (!toRecord.isEmpty()) {
      // One line for everything to record, each with the factors it would decide.
      md.append("- Not recorded — record ").append(toRecord.entrySet().stream()
          .map(e -> CardText.md(e.getKey()) + forFactors(e.getKey(), e.getValue()))
          .collect(Collectors.joining("; "))).append('\n');
    }
    other.forEach((why, rules) -> md.append("- ").append(CardText.md(CardText.capitalise(why))).append(" (for: ")
        .append(CardText.md(String.join("; ", rules))).append(")\n"));
    if (!notFetched.isEmpty()) {
      md.append("- Could not be fetched from the EHR's FHIR server: ")
          .append(CardText.md(notFetched.stream().map(Reason.NotFetched::data).collect(Collectors.joining(", "))))
          .append(". Factors that need them are unknown; this card may change once they can be fetched.\n");
    }
    if (!ignored.isEmpty()) {
      // Dates only: which chart entries they are is in the card's trace, not in the clinician's text.
      md.append("- Dated after today, not used: ").append(ignored.size()).append(ignored.size() == 1 ? " entry" : " entries")
          .append(" (").append(ignored.stream().map(f -> String.valueOf(f.date())).distinct().collect(Collectors.joining(", ")))
          .append(")\n");
    }
  }

  /**
   * " (for: Primary tumour T3 or T4)": the factors a thing to record would decide, unless the instruction already names
   * the one factor's measure ("the Fuhrman/ISUP grade" is for "Fuhrman/ISUP grade ≥ 3", "whether pathology found
   * sarcomatoid features …" for "Sarcomatoid features").
   */
  static String forFactors(String toDocument, List<String> ruleLabels) {
    if (ruleLabels.size() == 1 && lower(toDocument).contains(lower(measure(ruleLabels.get(0))))) {
      return "";
    }
    return " (for: " + CardText.md(String.join("; ", ruleLabels)) + ")";
  }

  /** "Fuhrman/ISUP grade" of "Fuhrman/ISUP grade ≥ 3": a label up to its comparison. */
  private static String measure(String label) {
    java.util.regex.Matcher m = java.util.regex.Pattern.compile(" [<>≤≥]").matcher(label);
    return m.find() ? label.substring(0, m.start()) : label;
  }

  private static String lower(String s) {
    return s.toLowerCase(java.util.Locale.ROOT);
  }

  /**
   * The caveat, then where the evidence is: the 5-year survival by site and the complication rates are on the rules
   * page, one link away (issue 12 item 4: the panel holds the recommendation and the factors; the full trace is a link).
   */
  private void evidence(StringBuilder md) {
    md.append("**Evidence.** Limitation: ").append(CardText.md(knowledge.limitations())).append(" [")
        .append(EVIDENCE_LINK).append("](").append(rulesPageUrl).append("#perioperative). _Model ").append(a.modelVersion())
        .append(" (").append(knowledge.status()).append(")._");
  }

  /** Markdown-safe chart text that keeps this class's own bold markers. */
  private static String mdKeepBold(String line) {
    return CardText.md(line).replace("\\*\\*", "**");
  }
}
