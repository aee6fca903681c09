package org.metastasectomy.cds.cards;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.metastasectomy.cds.cdshooks.Card;
import org.metastasectomy.cds.model.Assessment;

/**
 * The tumour board card's text is made once per assessment, patient and rules page (issue 17), and every card issued
 * still has its own ids: feedback refers to them.
 */
class CardTextOnceTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

  @Test
  void theSameAssessmentGivesTheSameTextWithFreshIdsAndAnotherPatientItsOwnCard() throws Exception {
    Assessment a = ExampleCards.assess("solitary-lung-favourable");
    Card first = ExampleCards.BUILDER.build(a, "patient-1", ExampleCards.RULES).card();
    Card again = ExampleCards.BUILDER.build(a, "patient-1", ExampleCards.RULES).card();
    Card fresh = new TumourBoardCardBuilder(ExampleCards.KNOWLEDGE,
        new DraftResources(new DraftResources.ChestCtOrder("http://loinc.org", "24627-2", "Chest CT"))).build(a, "patient-1",
        ExampleCards.RULES).card();

    assertThat(again.uuid()).isNotEqualTo(first.uuid());
    assertThat(again.suggestions().get(0).uuid()).isNotEqualTo(first.suggestions().get(0).uuid());
    assertThat(withoutIds(again)).isEqualTo(withoutIds(first)).isEqualTo(withoutIds(fresh));

    Card other = ExampleCards.BUILDER.build(a, "patient-2", ExampleCards.RULES).card();
    assertThat(JSON.writeValueAsString(other.suggestions())).contains("Patient/patient-2").doesNotContain("patient-1");
    Card otherPage = ExampleCards.BUILDER.build(a, "patient-1", "https://other.example.org/rules").card();
    assertThat(otherPage.detail()).contains("https://other.example.org/rules").doesNotContain(ExampleCards.RULES);
  }

  private static String withoutIds(Card card) throws Exception {
    return JSON.writeValueAsString(card).replaceAll(UUID, "UUID");
  }
}
