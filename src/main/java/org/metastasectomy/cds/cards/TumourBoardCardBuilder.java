package org.metastasectomy.cds.cards;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.metastasectomy.cds.cdshooks.Action;
import org.metastasectomy.cds.cdshooks.Card;
import org.metastasectomy.cds.cdshooks.Source;
import org.metastasectomy.cds.cdshooks.Suggestion;
import org.metastasectomy.cds.knowledge.KnowledgeBase;
import org.metastasectomy.cds.model.Assessment;
import org.metastasectomy.cds.model.Candidacy;
import org.metastasectomy.cds.model.FactorStatus;
import org.metastasectomy.cds.model.Item;
import org.metastasectomy.cds.model.RiskResult;
import org.metastasectomy.cds.model.RuleId;
import org.metastasectomy.cds.model.RuleResult;
import org.metastasectomy.cds.model.Site;

/**
 * The patient-view card: recommends tumour board review of metastasectomy and shows the evidence profile. Indicator
 * rule: always {@code info}, since a prognostic statement is information for a considered decision, never a
 * time-critical alert.
 */
public final class TumourBoardCardBuilder {
  static final String INDICATOR = "info";

  private final KnowledgeBase knowledge;
  private final DraftResources drafts;

  public TumourBoardCardBuilder(KnowledgeBase knowledge, DraftResources drafts) {
    this.knowledge = knowledge;
    this.drafts = drafts;
  }

  public IssuedCard build(Assessment a, String patientId, String rulesPageUrl) {
    String summary = summary(a);
    String suggestionLabel = "Refer to multidisciplinary tumour board";
    Suggestion refer = new Suggestion(suggestionLabel, CardIds.next(), null, List.of(
        new Action("create", "Draft a referral to the multidisciplinary tumour board",
            drafts.tumourBoardReferral(patientId, "Review of metastasectomy: profile " + a.candidacy().label()), null)));
    Card card = new Card(
        CardIds.next(),
        summary,
        new ProfileDetail(knowledge, a, rulesPageUrl).markdown(),
        INDICATOR,
        new Source("mRCC metastasectomy evidence (model " + a.modelVersion() + ")", rulesPageUrl, null, null),
        List.of(refer),
        "at-most-one",
        CardCodes.OVERRIDE,
        EvidenceLinks.of(knowledge.citations(), citationsFor(a), rulesPageUrl + anchor(a), "How this recommendation was made"));
    return new IssuedCard(card, CardType.TUMOUR_BOARD_REVIEW);
  }

  /** Names the category and the deciding reason, e.g. "… favourable (1 lesion (lung); DFI 31 months …)". */
  static String summary(Assessment a) {
    List<String> reasons = a.candidacy() == Candidacy.INSUFFICIENT_DATA
        ? List.of(a.unknown().size() + " factors not recorded")
        : deciding(a).stream().map(TumourBoardCardBuilder::reason).limit(2).toList();
    String head = "Metastatic RCC, metastasectomy profile " + CandidacyText.of(a);
    String tail = ": consider tumour board review";
    for (int n = reasons.size(); n >= 0; n--) {
      String candidate = head + (n == 0 ? "" : " (" + String.join("; ", reasons.subList(0, n)) + ")") + tail;
      if (candidate.length() <= CardText.MAX_SUMMARY) {
        return candidate;
      }
    }
    return CardText.fit(head + tail, CardText.MAX_SUMMARY);
  }

  /** The factors that decide the category: favourable ones when favourable, unfavourable ones otherwise. */
  static List<RuleResult> deciding(Assessment a) {
    List<RuleResult> out = new ArrayList<>();
    if (a.candidacy() == Candidacy.FAVOURABLE) {
      out.addAll(bySalience(a.favourableMet()));
    } else if (a.candidacy() == Candidacy.MIXED) {
      bySalience(a.favourableMet()).stream().limit(1).forEach(out::add);
      bySalience(a.unfavourableMet()).stream().limit(1).forEach(out::add);
    } else if (a.candidacy() == Candidacy.UNFAVOURABLE) {
      out.addAll(bySalience(a.unfavourableMet()));
    } else {
      a.unknown().stream().limit(1).forEach(out::add);
    }
    return out;
  }

  /**
   * Most telling first, for the summary: the order a clinician weighs them (solitary disease and a long DFI; brain and
   * multi-organ disease). Factors that restate another ("one organ" once "solitary" is named) are left out.
   */
  private static final List<RuleId> SALIENCE = List.of(
      RuleId.SOLITARY, RuleId.LUNG_DFI_GT_23, RuleId.LIVER_METACHRONOUS, RuleId.BONE_ONLY, RuleId.SINGLE_ORGAN,
      RuleId.BRAIN_METASTASIS, RuleId.MULTI_ORGAN, RuleId.SARCOMATOID, RuleId.DFI_LE_12, RuleId.LIVER_SYNCHRONOUS,
      RuleId.LUNG_AGE_GT_70, RuleId.AGE_GT_65);
  private static final Set<RuleId> RESTATE_SOLITARY = Set.of(RuleId.SINGLE_ORGAN, RuleId.LUNG_FEWER_THAN_7);

  private static List<RuleResult> bySalience(List<RuleResult> rules) {
    boolean solitary = rules.stream().anyMatch(r -> r.rule().id() == RuleId.SOLITARY);
    return rules.stream()
        .filter(r -> !(solitary && RESTATE_SOLITARY.contains(r.rule().id())))
        .sorted(java.util.Comparator.comparingInt(r -> {
          int i = SALIENCE.indexOf(r.rule().id());
          return i < 0 ? SALIENCE.size() : i;
        }))
        .toList();
  }

  /** How a factor reads in the summary: "solitary lung metastasis", "DFI 31 months from nephrectomy", "age 72". */
  static String reason(RuleResult r) {
    if (r.rule().id() == RuleId.SOLITARY && r.status() == FactorStatus.MET) {
      return "solitary " + r.result().get(Item.SITE).value(Site.class).label() + " metastasis";
    }
    if (r.rule().id() == RuleId.BRAIN_METASTASIS) {
      return "brain metastasis";
    }
    return FindingText.of(r.result(), r.rule().threshold());
  }

  private List<String> citationsFor(Assessment a) {
    List<String> ids = new ArrayList<>();
    deciding(a).forEach(r -> ids.addAll(r.rule().citations()));
    a.rules().stream().filter(r -> r.status() == FactorStatus.MET).forEach(r -> ids.addAll(r.rule().citations()));
    ids.addAll(a.imdc().model().citations());
    return ids;
  }

  private static String anchor(Assessment a) {
    List<RuleResult> d = deciding(a);
    return d.isEmpty() ? "#candidacy" : "#rule-" + d.get(0).rule().id();
  }

  static String risk(RiskResult r) {
    String missing = r.unknownFactors().stream().map(f -> FindingText.of(f, null)).collect(Collectors.joining("; "));
    return r.model().name() + ": **" + RiskText.describe(r) + "**" + (missing.isEmpty() ? "" : " — unknown: " + CardText.md(missing));
  }
}
