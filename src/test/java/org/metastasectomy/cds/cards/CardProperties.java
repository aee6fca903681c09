package org.metastasectomy.cds.cards;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import com.fasterxml.jackson.databind.ObjectMapper;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.metastasectomy.cds.cdshooks.CdsResponse;
import org.metastasectomy.cds.knowledge.KnowledgeBase;
import org.metastasectomy.cds.knowledge.KnowledgeLoader;
import org.metastasectomy.cds.model.Assessment;
import org.metastasectomy.cds.model.Assessor;
import org.metastasectomy.cds.model.FeatureDraft;
import org.metastasectomy.cds.support.CardValidator;

/** Whatever the patient, the patient-view card obeys the spec and names its category. */
class CardProperties {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final KnowledgeBase KNOWLEDGE = KnowledgeLoader.loadFromClasspath();
  private static final Assessor ASSESSOR = new Assessor(KNOWLEDGE.model());
  private static final TumourBoardCardBuilder BUILDER = new TumourBoardCardBuilder(KNOWLEDGE,
      new DraftResources(FhirContext.forR4Cached(), JSON, new DraftResources.ChestCtOrder("http://loinc.org", "24627-2", "Chest CT")));

  @Property(tries = 300)
  void everyPatientViewCardIsSpecValidAndNamesTheCategory(@ForAll("patients") FeatureDraft draft) {
    Assessment a = ASSESSOR.assess(draft.features());
    IssuedCard card = BUILDER.build(a, "patient-1", "https://cds.example.org/rules");
    CardValidator.assertValid(JSON.valueToTree(new CdsResponse(java.util.List.of(card.card()))));
    assertThat(card.card().summary()).contains(a.candidacy().label()).hasSizeLessThan(140);
    assertThat(card.card().indicator()).isEqualTo("info");
    assertThat(card.card().detail()).contains("IMDC", "MSKCC", "Limitation");
  }

  @Provide
  Arbitrary<FeatureDraft> patients() {
    return FeatureDraft.arbitrary();
  }
}
