package org.metastasectomy.cds.cards;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.metastasectomy.cds.cdshooks.Card;
import org.metastasectomy.cds.cdshooks.Link;
import org.metastasectomy.cds.model.Assessment;
import org.metastasectomy.cds.model.Assessor;
import org.metastasectomy.cds.model.Datum;
import org.metastasectomy.cds.model.FactorResult;
import org.metastasectomy.cds.model.FactorStatus;
import org.metastasectomy.cds.model.FeatureDraft;
import org.metastasectomy.cds.model.Histology;
import org.metastasectomy.cds.model.Item;
import org.metastasectomy.cds.model.Lab;
import org.metastasectomy.cds.model.OrderRuleDefinition;
import org.metastasectomy.cds.model.Reason;
import org.metastasectomy.cds.model.RiskGroup;
import org.metastasectomy.cds.model.RiskResult;
import org.metastasectomy.cds.model.RuleId;
import org.metastasectomy.cds.model.RuleResult;
import org.metastasectomy.cds.support.ForAll;

/**
 * Issue 12, one test per item: the card text is checked against the structured results it is rendered from (the
 * examples' cards, and results built here for every typed reason), not against snapshots.
 */
class CardsShowTheirWorkTest {
  private static final String FAVOURABLE = "solitary-lung-favourable";
  private static final String UNFAVOURABLE = "multi-organ-unfavourable";
  private static final Pattern FHIR_ID = Pattern.compile(
      "\\b(Condition|Observation|Procedure|MedicationRequest|MedicationAdministration|Patient|ServiceRequest)/[A-Za-z0-9.-]+");
  /** "[13]", "[Tosco 2013]" — but not a Markdown link's text "[How each rule is read](…)". */
  private static final Pattern MARKER = Pattern.compile("\\[([^\\]]+)\\](?!\\()");
  private static final LocalDate DAY = LocalDate.of(2026, 11, 10);

  // ---- item 1: every factor named ----

  @Test
  void everyImdcAndMskccFactorIsNamedWithItsValueAndDateOrItsReason() throws Exception {
    for (String example : List.of(FAVOURABLE, UNFAVOURABLE)) {
      Assessment a = ExampleCards.assess(example);
      String detail = ExampleCards.BUILDER.build(a, "p", ExampleCards.RULES).card().detail();
      for (FactorResult f : RiskFactorLines.factors(a.imdc(), a.mskcc())) {
        Datum main = f.data().get(0);
        if (f.status() != FactorStatus.UNKNOWN && f.id() != RuleId.DIAG_TO_TREAT_LT_1Y) {
          assertThat(detail).as("%s %s", example, f.id()).contains(DatumText.value(main));
        }
      }
      assertThat(detail).contains("IMDC " + RiskFactorLines.group(a.imdc()), "MSKCC " + RiskFactorLines.group(a.mskcc()));
    }
  }

  @Test
  void metFactorsCarryValueUnitAndDateAndUnknownsTheirReasonAndTheScoreRange() {
    var imdc = ExampleCards.KNOWLEDGE.model().imdc();
    List<FactorResult> factors = List.of(
        FactorResult.decided(RuleId.HB_LT_LLN, true, List.of("Observation/hb"),
            Datum.of(Lab.HAEMOGLOBIN, 9.8, "g/dL", DAY, List.of("Observation/hb")),
            Datum.of(Item.LOWER_LIMIT, 13.2, "g/dL", null, List.of())),
        FactorResult.unknown(RuleId.KPS_LT_80, new Reason.NotConvertible(Item.ECOG, Item.KARNOFSKY),
            Datum.missing(Item.KARNOFSKY, Reason.NOT_RECORDED)),
        FactorResult.unknown(RuleId.PLATELETS_GT_ULN, new Reason.LimitUnknown(Reason.Limit.UPPER),
            Datum.of(Lab.PLATELETS, 420.0, "10*9/L", DAY, List.of("Observation/plt")),
            Datum.missing(Item.UPPER_LIMIT, Reason.NOT_RECORDED)));
    RiskResult r = new RiskResult(imdc, factors, 1, 3, List.of(RiskGroup.INTERMEDIATE, RiskGroup.POOR));
    List<String> lines = RiskFactorLines.lines(r, new RiskResult(ExampleCards.KNOWLEDGE.model().mskcc(), List.of(), 0, 0,
        List.of(RiskGroup.FAVOURABLE)));
    assertThat(lines.get(0)).contains("**Present**", "Hb 9.8 g/dL", "2026-11-10", "LLN 13.2");
    assertThat(lines.get(1)).contains("**Unknown**", "Karnofsky not recorded",
        "ECOG performance status recorded, never converted", "platelets 420 ×10⁹/L on 2026-11-10",
        "upper limit of normal not recorded");
    assertThat(RiskFactorLines.group(r)).isEqualTo("intermediate to poor (score 1–3 of 6; 2 unknown)");
    assertThat(String.join("\n", lines)).doesNotContain("Observation/");
  }

  @Test
  void theProfileFactorsThatDecidedTheCategoryAreShownWithTheirData() throws Exception {
    Assessment a = ExampleCards.assess(FAVOURABLE);
    String detail = ExampleCards.BUILDER.build(a, "p", ExampleCards.RULES).card().detail();
    for (RuleResult r : TumourBoardCardBuilder.deciding(a)) {
      assertThat(detail).contains(r.rule().label() + ": " + ProfileLines.finding(r));
    }
    RuleResult dfi = a.rules().stream().filter(r -> r.rule().id() == RuleId.LUNG_DFI_GT_23).findFirst().orElseThrow();
    assertThat(detail).contains("nephrectomy " + dfi.result().get(Item.NEPHRECTOMY).value());
  }

  // ---- item 2: honest about data ----

  @Test
  void notRecordedOlderThanTheLookBackAndNotFetchedAreThreeDifferentSentences() {
    Datum last = Datum.of(Item.ECOG, 1, null, LocalDate.of(2025, 1, 2), List.of("Observation/ecog-old"));
    String notRecorded = ReasonText.of(Item.ECOG, Reason.NOT_RECORDED);
    String outdated = ReasonText.of(Item.ECOG, new Reason.OutsideLookback(last, 90));
    String notFetched = ReasonText.of(Item.ECOG, new Reason.NotFetched("performance status and laboratory results"));
    assertThat(notRecorded).isEqualTo("ECOG performance status not recorded");
    assertThat(outdated).contains("last 1 on 2025-01-02", "older than the 90-day look-back").doesNotContain("not recorded");
    assertThat(notFetched).contains("could not be fetched from the EHR's FHIR server").doesNotContain("not recorded");
    assertThat(ReasonText.of(Item.ECOG, new Reason.FutureDated(LocalDate.of(2027, 1, 1), "Observation/x")))
        .contains("dated 2027-01-01, after today: ignored").doesNotContain("Observation/");
    assertThat(ReasonText.of(Item.HISTOLOGY, new Reason.NotSpecific(Histology.RCC_NOS))).contains("not specific enough");
  }

  /** Issue 11's reasons read from the record's fields (value, unit, date), never from a class name. */
  @Test
  void aPreliminaryResultAndCalciumFromDifferentDrawsAreWordedWithTheirValuesAndDates() {
    Datum preliminary = Datum.of(Item.KARNOFSKY, 70, "%", LocalDate.of(2026, 11, 20), List.of("Observation/kps"));
    assertThat(ReasonText.of(Item.KARNOFSKY, new Reason.Preliminary(preliminary)))
        .isEqualTo(Item.KARNOFSKY.label() + ": preliminary result only (70% on 2026-11-20), not used until it is final");
    Datum calcium = Datum.of(Lab.CALCIUM, 10.1, "mg/dL", LocalDate.of(2026, 11, 3), List.of("Observation/ca"));
    Datum albumin = Datum.of(Lab.ALBUMIN, 3.2, "g/dL", LocalDate.of(2026, 11, 10), List.of("Observation/alb"));
    assertThat(ReasonText.of(Item.CORRECTED_CALCIUM, new Reason.DifferentDraws(calcium, albumin)))
        .contains("calcium (10.1 mg/dL on 2026-11-03) and albumin (3.2 g/dL on 2026-11-10) are from different draws",
            "not corrected")
        .doesNotContain("Observation/", "DifferentDraws", "not recorded");
  }

  @Test
  void onlyWhatIsTrulyAbsentIsAskedToBeRecorded() throws Exception {
    Assessment a = ExampleCards.assess(FAVOURABLE);
    Datum last = Datum.of(Item.ECOG, 1, null, LocalDate.of(2025, 1, 2), List.of("Observation/ecog-old"));
    List<RuleResult> rules = new ArrayList<>();
    for (RuleResult r : a.rules()) {
      rules.add(switch (r.rule().id()) {
        case LUNG_AGE_GT_70 -> new RuleResult(r.rule(), FactorResult.unknown(r.rule().id(), Reason.NOT_RECORDED,
            Datum.missing(Item.AGE, Reason.NOT_RECORDED)));
        case HIGH_GRADE -> new RuleResult(r.rule(), FactorResult.unknown(r.rule().id(),
            new Reason.OutsideLookback(last, 90), Datum.missing(Item.GRADE, new Reason.OutsideLookback(last, 90))));
        case NODE_POSITIVE -> new RuleResult(r.rule(), FactorResult.unknown(r.rule().id(),
            new Reason.NotFetched("observations"), Datum.missing(Item.N_CATEGORY, new Reason.NotFetched("observations"))));
        default -> r;
      });
    }
    Assessment changed = new Assessment(a.features(), a.imdc(), a.mskcc(), rules, a.candidacy(), a.dfiMonths(),
        a.synchronous(), a.survival(), a.modelVersion());
    String detail = ExampleCards.BUILDER.build(changed, "p", ExampleCards.RULES).card().detail();
    String ageToRecord = rules.stream().filter(r -> r.rule().id() == RuleId.LUNG_AGE_GT_70).findFirst().orElseThrow().rule().toDocument();
    assertThat(detail).contains("older than the 90-day look-back (for: Fuhrman/ISUP grade ≥ 3)");
    // One line of things to record: age, and (since issue 11) sarcomatoid features, which are never inferred absent.
    List<String> toRecord = rules.stream().filter(r -> r.result().reason() instanceof Reason.NotRecorded)
        .map(r -> r.rule().toDocument()).distinct().toList();
    List<String> recordLines = detail.lines().filter(l -> l.startsWith("- Not recorded — record ")).toList();
    assertThat(toRecord).hasSize(2).contains(ageToRecord);
    assertThat(recordLines).hasSize(1);
    assertThat(recordLines.get(0)).contains(ageToRecord + " (for: Age > 70 years)");
    toRecord.forEach(what -> assertThat(recordLines.get(0)).contains(what));
    assertThat(detail).doesNotContain("record the regional nodes");
    assertThat(RiskFactorLines.group(a.imdc())).doesNotContain("unknown");
  }

  /** A thing to record names the factors it decides, unless it already names the one factor's measure. */
  @Test
  void aThingToRecordNamesTheFactorsItWouldDecide() {
    assertThat(ProfileDetail.forFactors("the Fuhrman/ISUP grade", List.of("Fuhrman/ISUP grade ≥ 3"))).isEmpty();
    assertThat(ProfileDetail.forFactors("CRP", List.of("CRP > 3 mg/L (0.3 mg/dL)"))).isEmpty();
    assertThat(ProfileDetail.forFactors("the primary tumour T category", List.of("Primary tumour T3 or T4")))
        .isEqualTo(" (for: Primary tumour T3 or T4)");
    assertThat(ProfileDetail.forFactors("each metastatic site", List.of("Brain metastasis", "Metastasis outside the lung")))
        .isEqualTo(" (for: Brain metastasis; Metastasis outside the lung)");
  }

  @Test
  void dataThatCouldNotBeFetchedSaysFromWhereAndThatTheCardMayChange() throws Exception {
    Assessment a = withObservationsNotFetched();
    assertThat(a.features().notFetched()).isNotEmpty();
    String detail = ExampleCards.BUILDER.build(a, "p", ExampleCards.RULES).card().detail();
    assertThat(detail).contains("Could not be fetched from the EHR's FHIR server: " + a.features().notFetched().get(0).data(),
        "this card may change once they can be fetched");
  }

  /** The favourable example as if the EHR could not give its Observations. */
  private static Assessment withObservationsNotFetched() throws Exception {
    var p = ExampleCards.assess(FAVOURABLE).features();
    var features = new org.metastasectomy.cds.model.PatientFeatures(p.asOf(), p.ageYears(), p.sex(), p.rcc(),
        p.primaryConditions(), p.diagnosisDate(), p.histology(), p.sarcomatoid(), p.grade(), p.tStage(), p.nStage(),
        p.mStage(), p.metastases(), p.nephrectomyDate(), p.nephrectomyRecorded(), p.metastasectomies(), p.ecog(), p.kps(),
        p.labs(), p.systemicTherapies(), p.lastTumourBoard(),
        List.of(new Reason.NotFetched("performance status and laboratory results")), p.ignored());
    return new Assessor(ExampleCards.KNOWLEDGE.model()).assess(features);
  }

  // ---- item 3: plain words for clinicians, references for auditors ----

  @Test
  void clinicianTextHasNoFhirIdsWhileTheTraceKeepsThemForAuditors() throws Exception {
    for (String example : List.of(FAVOURABLE, UNFAVOURABLE)) {
      Card card = ExampleCards.card(example).card();
      assertThat(FHIR_ID.matcher(card.summary() + card.detail()).find()).as(example).isFalse();
      String trace = new ObjectMapper().writeValueAsString(card.extension());
      assertThat(trace).contains(CardTrace.KEY, "Condition/");
    }
    ForAll.check("random patient-view card", 200, r -> {
      Card card = ExampleCards.BUILDER.build(new Assessor(ExampleCards.KNOWLEDGE.model())
          .assess(FeatureDraft.random(r).features()), "p", ExampleCards.RULES).card();
      assertThat(FHIR_ID.matcher(card.summary() + card.detail()).find()).as(card.detail()).isFalse();
    });
  }

  @Test
  void eachFactInTheTraceCitesTheResourcesItCameFrom() throws Exception {
    Assessment a = ExampleCards.assess(FAVOURABLE);
    var trace = ExampleCards.card(FAVOURABLE).card().extension().get(CardTrace.KEY);
    RuleResult solitary = a.rules().stream().filter(r -> r.rule().id() == RuleId.SOLITARY).findFirst().orElseThrow();
    var node = new ArrayList<com.fasterxml.jackson.databind.JsonNode>();
    trace.get("rules").forEach(node::add);
    var traced = node.stream().filter(n -> n.get("id").asText().equals("SOLITARY")).findFirst().orElseThrow();
    assertThat(traced.get("sources").get(0).asText()).isEqualTo(solitary.result().sources().get(0));
    assertThat(traced.get("data").get(0).get("value").asText()).isEqualTo("1");
  }

  @Test
  void noBulletRestatesAnother() throws Exception {
    String detail = ExampleCards.card(FAVOURABLE).card().detail();
    List<String> bullets = detail.lines().filter(l -> l.startsWith("- ")).toList();
    assertThat(new HashSet<>(bullets)).hasSameSizeAs(bullets);
    assertThat(detail).doesNotContain("1 organ (lung)", "1 lung lesion").contains("also meets: metastases confined to one organ");
    String unfavourable = ExampleCards.card(UNFAVOURABLE).card().detail();
    assertThat(unfavourable).contains("- Brain metastasis [", "4 organs (lung, bone, liver, brain)", "sarcomatoid features;")
        .doesNotContain("Brain metastasis: brain metastasis", "Sarcomatoid features: sarcomatoid features")
        // the sites are listed once, by the multi-organ line
        .doesNotContain("outside the lung (lung", "also lung, liver, brain");
  }

  // ---- item 4: fits the EHR's panel ----

  @Test
  void summaryGivesTheConclusionAndDetailLeadsWithTheRecommendationAndFactors() throws Exception {
    Card favourable = ExampleCards.card(FAVOURABLE).card();
    assertThat(favourable.summary()).hasSizeLessThan(140).contains("favourable", "solitary lung metastasis", "consider tumour board review");
    assertThat(favourable.detail()).startsWith("**Consider tumour board review of metastasectomy**");
    assertThat(favourable.detail().indexOf("Solitary metastasis")).isLessThan(favourable.detail().indexOf("**Evidence.**"));
    assertThat(favourable.detail().length()).as("detail of the favourable example").isLessThanOrEqualTo(CardLength.AIM);
    Card unfavourable = ExampleCards.card(UNFAVOURABLE).card();
    // Three cautions, 13 unfavourable factors and six IMDC factors present, each with its value: above the aim.
    assertThat(unfavourable.detail().length()).as("detail of the largest example").isLessThanOrEqualTo(CardLength.WITH_CAUTIONS);
  }

  @Test
  void poorRiskBrainAndPoorPerformanceReadDifferentlyFromAFavourablePatient() throws Exception {
    Assessment a = ExampleCards.assess(UNFAVOURABLE);
    Card card = ExampleCards.BUILDER.build(a, "p", ExampleCards.RULES).card();
    assertThat(a.imdc().groups()).containsExactly(RiskGroup.POOR);
    assertThat(card.summary()).contains("less evidence of benefit").doesNotContain("consider tumour board review");
    assertThat(card.detail()).startsWith("**Tumour board review, with caution")
        .contains("properly selected patients with better performance status",
            "5-year overall survival was 8.5% and postoperative mortality 10%",
            "ECOG " + a.features().ecog().value(), "patients with ECOG > 0 did not benefit");
    assertThat(Cautions.of(ExampleCards.assess(FAVOURABLE))).isEmpty();
  }

  // ---- item 5: every number matches the source it links ----

  @Test
  void everyMarkerOnACardIsALinkOnThatCard() throws Exception {
    for (String example : List.of(FAVOURABLE, UNFAVOURABLE)) {
      assertMarkersLinked(ExampleCards.card(example).card());
    }
    ForAll.check("random patient-view card", 200, r -> assertMarkersLinked(ExampleCards.BUILDER.build(
        new Assessor(ExampleCards.KNOWLEDGE.model()).assess(FeatureDraft.random(r).features()), "p", ExampleCards.RULES).card()));
  }

  @Test
  void everyMarkerInAnOrderCardsTextIsOneOfItsCitations() {
    for (OrderRuleDefinition rule : ExampleCards.KNOWLEDGE.model().orderRules()) {
      Set<String> linked = new HashSet<>();
      rule.citations().forEach(id -> linked.add(EvidenceLinks.number(ExampleCards.KNOWLEDGE.citations(), id)));
      Matcher m = MARKER.matcher(rule.detail());
      while (m.find()) {
        assertThat(linked).as("%s marker %s", rule.id(), m.group()).contains(m.group());
      }
    }
  }

  @Test
  void trialFiguresAreTiedToThePublicationTheyComeFrom() {
    String adjuvant = ExampleCards.KNOWLEDGE.model().orderRule(RuleId.ADJUVANT_AFTER_METASTASECTOMY).detail();
    assertThat(adjuvant).contains("(HR 0.85, P = 0.47)", "(HR 2.65, P = 0.05) in the 2019 abstract [44]",
        "DFS HR 0.90 (95% CI 0.60–1.34) and OS HR 2.55 (95% CI 1.23–5.27, P = .012) [E2810 final report 2024]",
        "not significant (p = 0.404)", "69 randomised");
    var catalogue = ExampleCards.KNOWLEDGE.citations();
    assertThat(catalogue.link("appleman2019").search()).as("the 2019 abstract is not verified: a labelled search").isTrue();
    assertThat(catalogue.link("appleman2024").url()).endsWith("/38531002/");
    assertThat(EvidenceLinks.number(catalogue, "appleman2019")).isEqualTo("[44]");
    for (OrderRuleDefinition rule : ExampleCards.KNOWLEDGE.model().orderRules()) {
      assertThat(rule.detail()).as(rule.id().name()).doesNotContain("should be made");
    }
    assertThat(ExampleCards.KNOWLEDGE.explanation(RuleId.DFI_LE_12).evidence()).contains("p < 0.058", "not significant");
    var liver = ExampleCards.KNOWLEDGE.model().survival().get(org.metastasectomy.cds.model.Site.LIVER);
    assertThat(liver.note()).contains("29%", "[28]");
    assertThat(liver.citations()).contains("joyce");
    assertThat(ExampleCards.KNOWLEDGE.model().orderRule(RuleId.CHEST_RADIOGRAPH_STAGING).citations()).contains("nccn");
  }

  /**
   * The survival ranges and complication rates are on the rules page (with the caveat, RulesPageTest), one link away;
   * the card keeps the limitation of the evidence.
   */
  @Test
  void survivalRangesCarryTheSelectionBiasCaveat() throws Exception {
    String detail = ExampleCards.card(FAVOURABLE).card().detail();
    assertThat(detail).contains("Limitation: ", "selection bias", "no randomised comparison with systemic therapy",
        "not a validated score", "](" + ExampleCards.RULES + "#perioperative)");
    var lung = ExampleCards.KNOWLEDGE.model().survival().get(org.metastasectomy.cds.model.Site.LUNG);
    assertThat(detail).doesNotContain(lung.text());
    assertThat(ExampleCards.KNOWLEDGE.model().orderRule(RuleId.SYSTEMIC_BEFORE_TUMOUR_BOARD).detail())
        .contains("selection bias", "should be considered");
  }

  private static void assertMarkersLinked(Card card) {
    Set<String> urls = new HashSet<>();
    card.links().stream().map(Link::url).forEach(urls::add);
    Matcher m = MARKER.matcher(card.detail());
    while (m.find()) {
      String marker = m.group();
      var citation = ExampleCards.KNOWLEDGE.citations().all().stream()
          .filter(c -> EvidenceLinks.number(ExampleCards.KNOWLEDGE.citations(), c.id()).equals(marker)).findFirst();
      assertThat(citation).as("marker %s names a citation", marker).isPresent();
      assertThat(urls).as("marker %s is linked on the card", marker)
          .contains(ExampleCards.KNOWLEDGE.citations().link(citation.get().id()).url());
    }
  }
}
