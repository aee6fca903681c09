package org.metastasectomy.cds.clinical;

import static org.assertj.core.api.Assertions.assertThat;
import static org.metastasectomy.cds.clinical.ClinicalReviewTest.assess;

import java.util.List;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.Test;
import org.metastasectomy.cds.cards.DraftResources;
import org.metastasectomy.cds.cards.OrderCardBuilder;
import org.metastasectomy.cds.cdshooks.Action;
import org.metastasectomy.cds.cdshooks.Card;
import org.metastasectomy.cds.knowledge.KnowledgeLoader;
import org.metastasectomy.cds.model.OrderAlert;

/**
 * The order-time cards (issue 11: OrderCardBuilder had no unit test): each rule's indicator, the order's name in the
 * summary, the patient's reasons, and the one suggestion — never a delete suggestion when completeness is unconfirmed.
 */
class OrderCardBuilderTest {
  static final OrderCardBuilder BUILDER = new OrderCardBuilder(KnowledgeLoader.loadFromClasspath(),
      new DraftResources(new DraftResources.ChestCtOrder("http://loinc.org", "24627-2", "Chest CT")));

  static Card card(Chart c, Resource draft) {
    List<OrderAlert> alerts = ClinicalReviewTest.ORDER_RULES.evaluate(assess(c),
        ClinicalReviewTest.DRAFTS.read(Chart.orders(draft), List.of()));
    assertThat(alerts).hasSize(1);
    return BUILDER.build(alerts.get(0), "p", "https://cds.example.org/rules").card();
  }

  @Test
  void theAdjuvantWarningSuggestsRemovingTheDraftAndNamesTheSurgeryAndTheStatus() {
    Card card = card(OrderRulesTest.resected("resolved"), Chart.draftMedication("pazopanib"));
    assertThat(card.indicator()).isEqualTo("warning");
    assertThat(card.summary()).startsWith("Adjuvant pazopanib 800 mg daily after complete metastasectomy");
    assertThat(card.detail()).contains("metastasectomy on 2025-03-01").contains("lung: not active");
    assertThat(card.suggestions()).singleElement().satisfies(s -> assertThat(s.actions())
        .extracting(Action::type, Action::resourceId).containsExactly(org.assertj.core.groups.Tuple.tuple("delete", "MedicationRequest/draft-pazopanib")));
    assertThat(card.selectionBehavior()).isEqualTo("at-most-one");
  }

  @Test
  void theUnconfirmedCardIsInformationWithoutAnySuggestion() {
    Chart c = ClinicalReviewTest.afterNephrectomy(null);
    c.lungMetastasectomy("2025-03-01", null);
    Card card = card(c, Chart.draftMedication("pazopanib"));
    assertThat(card.indicator()).isEqualTo("info");
    assertThat(card.summary()).contains("confirm whether disease remains");
    assertThat(card.detail()).contains("lung: status not recorded");
    assertThat(card.suggestions()).isEmpty();
    assertThat(card.selectionBehavior()).isNull();
  }

  /** Issue 12's card rules hold for issue 11's new card: plain words, every [n] a link on the card itself. */
  @Test
  void theUnconfirmedCardShowsNoFhirIdAndLinksEveryMarkerItPrints() {
    Chart c = ClinicalReviewTest.afterNephrectomy(null);
    c.lungMetastasectomy("2025-03-01", null);
    Card card = card(c, Chart.draftMedication("pazopanib"));
    String text = card.summary() + card.detail();
    assertThat(java.util.regex.Pattern.compile("\\b(Condition|Observation|Procedure|MedicationRequest|Patient)/[A-Za-z0-9.-]+")
        .matcher(text).find()).as(text).isFalse();
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\[([^\\]]+)\\](?!\\()").matcher(card.detail());
    List<String> markers = new java.util.ArrayList<>();
    while (m.find()) {
      markers.add(m.group());
    }
    assertThat(markers).contains("[44]", "[E2810 final report 2024]", "[43]");
    for (String marker : markers) {
      assertThat(card.links()).as("marker %s", marker).anySatisfy(l -> assertThat(l.label()).startsWith(marker + " "));
    }
  }

  @Test
  void theChestRadiographCardReplacesItWithAChestCt() {
    Chart c = Chart.man();
    c.primary("2026-11-01", "8310/3");
    c.tnm("21905-5", "cT3a", "2026-11-01");
    Card card = card(c, Chart.draftChestRadiograph());
    assertThat(card.indicator()).isEqualTo("info");
    assertThat(card.detail()).contains("primary tumour T3");
    assertThat(card.suggestions()).singleElement().satisfies(s -> assertThat(s.actions())
        .extracting(Action::type).containsExactly("delete", "create"));
  }

  @Test
  void theTumourBoardCardDraftsAReferral() {
    Chart c = new Chart("male", "1970-03-01");
    c.primary("2020-01-10", "8310/3");
    c.nephrectomy("2020-02-01");
    c.lungMetastasis("2024-12-01", "active");
    Card card = card(c, Chart.draftMedication("cabozantinib"));
    assertThat(card.summary()).contains("before starting cabozantinib 800 mg daily");
    assertThat(card.suggestions()).singleElement().satisfies(s -> assertThat(s.actions())
        .extracting(Action::type).containsExactly("create"));
  }
}
