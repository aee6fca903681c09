package org.metastasectomy.cds.cards;

import java.util.List;
import java.util.stream.Collectors;
import org.metastasectomy.cds.knowledge.KnowledgeBase;
import org.metastasectomy.cds.model.Assessment;
import org.metastasectomy.cds.model.Reason;
import org.metastasectomy.cds.model.RiskResult;
import org.metastasectomy.cds.model.RuleResult;

/** The Markdown detail of the patient-view card, written for a narrow EHR side panel (lists, no tables, no HTML). */
final class ProfileDetail {
  private final KnowledgeBase knowledge;
  private final Assessment a;
  private final String rulesPageUrl;

  ProfileDetail(KnowledgeBase knowledge, Assessment a, String rulesPageUrl) {
    this.knowledge = knowledge;
    this.a = a;
    this.rulesPageUrl = rulesPageUrl;
  }

  String markdown() {
    StringBuilder md = new StringBuilder();
    String sites = CardText.sites(a.features().currentSites());
    md.append("**Metastasectomy evidence profile: ").append(CandidacyText.of(a)).append("** — ")
        .append(a.favourableMet().size()).append(" favourable, ").append(a.unfavourableMet().size())
        .append(" unfavourable factor(s) found. Sites: ").append(CardText.md(sites.isEmpty() ? "not recorded" : sites))
        .append(".\n\n");
    factors(md, "Favourable", a.favourableMet());
    factors(md, "Unfavourable", a.unfavourableMet());
    md.append("**Prognostic models**\n\n");
    md.append("- ").append(TumourBoardCardBuilder.risk(a.imdc())).append('\n');
    md.append("- ").append(TumourBoardCardBuilder.risk(a.mskcc())).append("\n\n");
    if (!a.survival().isEmpty()) {
      md.append("**5-year overall survival after metastasectomy** (review Table 1): ")
          .append(a.survival().stream().map(s -> s.site().label() + " " + s.text()).collect(Collectors.joining("; ")))
          .append(".\n\n");
    }
    missing(md);
    md.append("**Perioperative risk**: ").append(CardText.md(knowledge.perioperativeText())).append(' ')
        .append(numbers(knowledge.perioperativeCitations())).append("\n\n");
    md.append("**Limitation**: ").append(CardText.md(knowledge.limitations())).append("\n\n");
    md.append("_Model ").append(a.modelVersion()).append(" (").append(knowledge.status()).append("). ")
        .append(CardText.md(knowledge.candidacyRule())).append(' ')
        .append("[All rules](").append(rulesPageUrl).append(")._");
    return md.toString();
  }

  private void factors(StringBuilder md, String heading, List<RuleResult> results) {
    if (results.isEmpty()) {
      return;
    }
    md.append("**").append(heading).append("**\n\n");
    for (RuleResult r : results) {
      md.append("- ").append(CardText.md(r.rule().label())).append(" — ")
          .append(CardText.md(FindingText.of(r.result(), r.rule().threshold())));
      if (!r.result().sources().isEmpty()) {
        md.append(" · ").append(CardText.md(shortSources(r.result().sources())));
      }
      md.append(' ').append(numbers(r.rule().citations())).append('\n');
    }
    md.append('\n');
  }

  private void missing(StringBuilder md) {
    List<RuleResult> unknownRules = a.unknown();
    List<String> unknownRisk = unknownRiskFactors();
    if (unknownRules.isEmpty() && unknownRisk.isEmpty() && a.features().notFetched().isEmpty()
        && a.features().ignored().isEmpty()) {
      return;
    }
    md.append("**Missing — document to complete the picture**\n\n");
    // One line per thing to record, naming every factor it would settle: a narrow panel should not repeat itself.
    java.util.Map<String, List<String>> byRecord = new java.util.LinkedHashMap<>();
    for (RuleResult r : unknownRules) {
      byRecord.computeIfAbsent(r.rule().toDocument(), k -> new java.util.ArrayList<>()).add(r.rule().label());
    }
    byRecord.forEach((record, labels) -> md.append("- Record ").append(CardText.md(record)).append(" (for: ")
        .append(CardText.md(String.join("; ", labels))).append(")\n"));
    for (String f : unknownRisk) {
      md.append("- IMDC/MSKCC: ").append(CardText.md(f)).append('\n');
    }
    if (!a.features().notFetched().isEmpty()) {
      md.append("- Could not be fetched from the EHR: ")
          .append(a.features().notFetched().stream().map(Reason.NotFetched::data).collect(Collectors.joining(", ")))
          .append(" — factors that need them show as unknown\n");
    }
    if (!a.features().ignored().isEmpty()) {
      md.append("- Dated after today, not used: ").append(a.features().ignored().stream()
          .map(f -> f.source() + " (" + f.date() + ")").collect(Collectors.joining(", "))).append('\n');
    }
    md.append('\n');
  }

  /** At most two references, then a count: the full list is one click away in the chart. */
  static String shortSources(List<String> sources) {
    if (sources.size() <= 2) {
      return String.join(", ", sources);
    }
    return sources.get(0) + ", " + sources.get(1) + " +" + (sources.size() - 2);
  }

  /** Each unknown IMDC or MSKCC factor once, as the card words it (a factor of both models is named once). */
  private List<String> unknownRiskFactors() {
    java.util.Set<String> texts = new java.util.LinkedHashSet<>();
    for (RiskResult r : List.of(a.imdc(), a.mskcc())) {
      r.unknownFactors().forEach(f -> texts.add(FindingText.of(f, null)));
    }
    return List.copyOf(texts);
  }

  private String numbers(List<String> citationIds) {
    return citationIds.stream().map(id -> EvidenceLinks.number(knowledge.citations(), id)).collect(Collectors.joining(""));
  }

}
