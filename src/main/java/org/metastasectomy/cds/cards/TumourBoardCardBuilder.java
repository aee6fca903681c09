package org.metastasectomy.cds.cards;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.metastasectomy.cds.cdshooks.Action;
import org.metastasectomy.cds.cdshooks.Card;
import org.metastasectomy.cds.cdshooks.Source;
import org.metastasectomy.cds.cdshooks.Suggestion;
import org.metastasectomy.cds.knowledge.KnowledgeBase;
import org.metastasectomy.cds.model.Assessment;
import org.metastasectomy.cds.model.Candidacy;
import org.metastasectomy.cds.model.FactorStatus;
import org.metastasectomy.cds.model.Item;
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

  /**
   * The card of one assessment, patient and rules page, with fresh ids every time. The text is made once per input
   * (issue 17): the assessment memo (hooks) hands out the same assessment object for the same clinical input, so the
   * last cards are kept by that object's identity, never by its value; without ids, at most {@value #RECENT}.
   */
  public IssuedCard build(Assessment a, String patientId, String rulesPageUrl) {
    Made key = new Made(a, patientId, rulesPageUrl);
    Card made;
    synchronized (recent) {
      made = recent.get(key);
    }
    if (made == null) {
      made = make(a, patientId, rulesPageUrl);
      synchronized (recent) {
        recent.put(key, made);
      }
    }
    List<Suggestion> suggestions = made.suggestions().stream()
        .map(s -> new Suggestion(s.label(), CardIds.next(), s.isRecommended(), s.actions())).toList();
    Card card = new Card(CardIds.next(), made.summary(), made.detail(), made.indicator(), made.source(), suggestions,
        made.selectionBehavior(), made.overrideReasons(), made.links(), made.extension());
    return new IssuedCard(card, CardType.TUMOUR_BOARD_REVIEW);
  }

  /** An assessment by identity, with the patient and rules page its card was made for. */
  private record Made(Assessment assessment, String patientId, String rulesPageUrl) {
    @Override
    public boolean equals(Object o) {
      return o instanceof Made m && m.assessment == assessment && Objects.equals(m.patientId, patientId)
          && Objects.equals(m.rulesPageUrl, rulesPageUrl);
    }

    @Override
    public int hashCode() {
      return System.identityHashCode(assessment) * 31 + Objects.hash(patientId, rulesPageUrl);
    }
  }

  private static final int RECENT = 64;
  private final Map<Made, Card> recent = new LinkedHashMap<>(RECENT * 2, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<Made, Card> eldest) {
      return size() > RECENT;
    }
  };

  private Card make(Assessment a, String patientId, String rulesPageUrl) {
    String summary = summary(a);
    String suggestionLabel = "Refer to multidisciplinary tumour board";
    Suggestion refer = new Suggestion(suggestionLabel, CardIds.next(), null, List.of(
        new Action("create", "Draft a referral to the multidisciplinary tumour board",
            drafts.tumourBoardReferral(patientId, "Review of metastasectomy: profile " + a.candidacy().label()), null)));
    Markers markers = new Markers(knowledge.citations());
    String detail = new ProfileDetail(knowledge, a, rulesPageUrl, markers).markdown();
    Card card = new Card(
        CardIds.next(),
        summary,
        detail,
        INDICATOR,
        new Source("mRCC metastasectomy evidence (model " + a.modelVersion() + ")", rulesPageUrl, null, null),
        List.of(refer),
        "at-most-one",
        CardCodes.OVERRIDE,
        EvidenceLinks.of(knowledge.citations(), markers.used(), rulesPageUrl + anchor(a), "How this recommendation was made"),
        CardTrace.of(a));
    return card;
  }

  /**
   * The conclusion and the one or two deciding reasons, under 140 characters: "Metastatic RCC, metastasectomy profile
   * favourable (solitary lung metastasis; DFI 31 months …): consider tumour board review". Where the evidence reports
   * less benefit (IMDC poor, brain metastasis, ECOG ≥ 2) the conclusion says so instead.
   */
  static String summary(Assessment a) {
    boolean caution = !Cautions.of(a).isEmpty();
    List<String> reasons = a.candidacy() == Candidacy.INSUFFICIENT_DATA
        ? List.of(a.unknown().size() + " factors unknown")
        : deciding(a).stream().map(TumourBoardCardBuilder::reason).limit(2).toList();
    String head = "Metastatic RCC, metastasectomy profile " + CandidacyText.of(a);
    String tail = caution ? ": less evidence of benefit; tumour board review" : ": consider tumour board review";
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
      out.addAll(ProfileLines.ordered(a.favourableMet()));
    } else if (a.candidacy() == Candidacy.MIXED) {
      ProfileLines.ordered(a.favourableMet()).stream().limit(1).forEach(out::add);
      ProfileLines.ordered(a.unfavourableMet()).stream().limit(1).forEach(out::add);
    } else if (a.candidacy() == Candidacy.UNFAVOURABLE) {
      out.addAll(ProfileLines.ordered(a.unfavourableMet()));
    } else {
      a.unknown().stream().limit(1).forEach(out::add);
    }
    return out;
  }

  /** How a factor reads in the summary: "solitary lung metastasis", "DFI 31 months from nephrectomy", "age 72". */
  static String reason(RuleResult r) {
    if (r.rule().id() == RuleId.SOLITARY && r.status() == FactorStatus.MET) {
      return "solitary " + r.result().get(Item.SITE).value(Site.class).label() + " metastasis";
    }
    if (r.rule().id() == RuleId.BRAIN_METASTASIS) {
      return "brain metastasis";
    }
    if (r.status() == FactorStatus.UNKNOWN) {
      return r.rule().label().toLowerCase() + " unknown";
    }
    return FindingText.of(r.result(), r.rule().threshold());
  }

  private static String anchor(Assessment a) {
    List<RuleResult> d = deciding(a);
    return d.isEmpty() ? "#candidacy" : "#rule-" + d.get(0).rule().id();
  }
}
