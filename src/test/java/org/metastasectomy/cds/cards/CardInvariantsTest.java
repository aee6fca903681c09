package org.metastasectomy.cds.cards;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.metastasectomy.cds.cdshooks.CdsResponse;
import org.metastasectomy.cds.knowledge.KnowledgeBase;
import org.metastasectomy.cds.knowledge.KnowledgeLoader;
import org.metastasectomy.cds.model.Assessment;
import org.metastasectomy.cds.model.Assessor;
import org.metastasectomy.cds.model.FeatureDraft;
import org.metastasectomy.cds.support.CardValidator;
import org.metastasectomy.cds.support.ForAll;

/** Whatever the patient, the patient-view card obeys the spec and names its category (property-based, seeded). */
class CardInvariantsTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final KnowledgeBase KNOWLEDGE = KnowledgeLoader.loadFromClasspath();
  private static final Assessor ASSESSOR = new Assessor(KNOWLEDGE.model());
  private static final TumourBoardCardBuilder BUILDER = new TumourBoardCardBuilder(KNOWLEDGE,
      new DraftResources(new DraftResources.ChestCtOrder("http://loinc.org", "24627-2", "Chest CT")));

  @Test
  void everyPatientViewCardIsSpecValidAndNamesTheCategory() {
    ForAll.check("patient-view card", 300, r -> {
      Assessment a = ASSESSOR.assess(FeatureDraft.random(r).features());
      IssuedCard card = BUILDER.build(a, "patient-1", "https://cds.example.org/rules");
      CardValidator.assertValid(JSON.valueToTree(new CdsResponse(List.of(card.card()))));
      assertThat(card.card().summary()).contains(a.candidacy().label()).hasSizeLessThan(140);
      assertThat(card.card().indicator()).isEqualTo("info");
      assertThat(card.card().detail()).contains("IMDC", "MSKCC", "Limitation");
    });
  }
}
