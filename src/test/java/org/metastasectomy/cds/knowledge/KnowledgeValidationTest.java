package org.metastasectomy.cds.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.metastasectomy.cds.evidence.Citation;
import org.metastasectomy.cds.model.RuleDefinition;

/**
 * The knowledge files are data a clinician reviews; these tests keep them consistent with the evidence folder and
 * prove that a broken file stops the start with a clear message.
 */
class KnowledgeValidationTest {
  private static final Path CITATIONS = Path.of("cds-hooks/knowledge/citations.yaml");
  private static final Path MODEL = Path.of("cds-hooks/knowledge/model.yaml");
  private static final Path EVIDENCE = Path.of("cds-hooks/evidence");

  private final KnowledgeBase shipped = KnowledgeLoader.loadFromClasspath();

  @Test
  void shippedKnowledgeLoadsWithEveryEngineRule() {
    assertThat(shipped.model().rules()).hasSizeGreaterThanOrEqualTo(20);
    assertThat(shipped.model().imdc().factors()).hasSize(6);
    assertThat(shipped.model().mskcc().factors()).hasSize(5);
  }

  @Test
  void identifiersAppearOnlyWhereReferencesJsonMarksThemVerified() throws IOException {
    JsonNode refs = new ObjectMapper().readTree(EVIDENCE.resolve("references.json").toFile());
    Map<String, JsonNode> verifiedPmid = new HashMap<>();
    Map<String, JsonNode> verifiedDoi = new HashMap<>();
    for (JsonNode r : refs) {
      if (r.path("verified").asBoolean()) {
        if (r.hasNonNull("pmid")) {
          verifiedPmid.put(r.get("pmid").asText(), r);
        }
        if (r.hasNonNull("doi")) {
          verifiedDoi.put(r.get("doi").asText().toLowerCase(), r);
        }
      }
    }
    for (Citation c : shipped.citations().all()) {
      if (c.pmid() != null) {
        assertThat(verifiedPmid).as("PMID of %s must be verified in references.json", c.id()).containsKey(c.pmid());
      }
      if (c.doi() != null) {
        assertThat(verifiedDoi).as("DOI of %s must be verified in references.json", c.id()).containsKey(c.doi().toLowerCase());
      }
    }
  }

  @Test
  void everyRuleNamesAFactorOfFactorsJson() throws IOException {
    JsonNode factors = new ObjectMapper().readTree(EVIDENCE.resolve("factors.json").toFile());
    java.util.Set<String> ids = new java.util.HashSet<>();
    factors.forEach(f -> ids.add(f.get("id").asText()));
    for (RuleDefinition r : shipped.model().rules()) {
      assertThat(ids).as("factor of rule %s", r.id()).contains(shipped.explanation(r.id()).factor());
    }
  }

  @Test
  void thresholdsMatchTheEvidence() {
    Map<String, Double> fromEvidence = Map.of(
        "LUNG_DFI_GT_23", 23.0, "LUNG_FEWER_THAN_7", 7.0, "LUNG_AGE_GT_70", 70.0, "AGE_GT_65", 65.0,
        "BONE_ALP_GT_1_5_ULN", 1.5, "BONE_CRP_GT_3", 3.0, "LIVER_ECOG_GT_0", 0.0, "DFI_LE_12", 12.0,
        "HIGH_GRADE", 3.0, "T_STAGE_GE_3", 3.0);
    fromEvidence.forEach((id, threshold) -> assertThat(
        shipped.model().rules().stream().filter(r -> r.id().name().equals(id)).findFirst().orElseThrow().threshold())
        .as(id).isEqualTo(threshold));
  }

  @Test
  void anUnverifiedCitationWithAPmidStopsTheStart() throws IOException {
    String citations = Files.readString(CITATIONS).replace(
        "searchTerms: \"Kavolius resection of metastatic renal cell carcinoma\"\n",
        "searchTerms: \"Kavolius resection of metastatic renal cell carcinoma\"\n    pmid: \"12345678\"\n");
    assertThat(citations).contains("pmid: \"12345678\"");
    assertThatThrownBy(() -> load(citations, Files.readString(MODEL)))
        .isInstanceOf(KnowledgeException.class)
        .hasMessageContaining("kavolius carries a PMID/DOI but is not verified");
  }

  @Test
  void aRuleCitingAnUnknownReferenceStopsTheStart() throws IOException {
    String model = Files.readString(MODEL).replaceFirst("citations: \\[kavolius, review\\]", "citations: [kavolius, nobody2099]");
    assertThatThrownBy(() -> load(Files.readString(CITATIONS), model))
        .isInstanceOf(KnowledgeException.class)
        .hasMessageContaining("rule SOLITARY cites unknown citation 'nobody2099'");
  }

  @Test
  void aRuleTheEngineCannotEvaluateStopsTheStart() throws IOException {
    String model = Files.readString(MODEL).replaceFirst("- id: SOLITARY", "- id: SOLITARY_TYPO");
    assertThatThrownBy(() -> load(Files.readString(CITATIONS), model))
        .isInstanceOf(KnowledgeException.class)
        .hasMessageContaining("rule SOLITARY_TYPO has no evaluator")
        .hasMessageContaining("the engine evaluates rule SOLITARY but the knowledge file does not define it");
  }

  @Test
  void anOrderRuleOrRiskFactorWithoutItsObjectOrItsEntryStopsTheStart() throws IOException {
    String model = Files.readString(MODEL).replace("- id: CYTOREDUCTIVE_NEPHRECTOMY", "- id: CYTOREDUCTIVE_NEPHRECTOMY_V2")
        .replace("{id: LDH_GT_1_5_ULN,", "{id: LDH_GT_2_ULN,");
    assertThatThrownBy(() -> load(Files.readString(CITATIONS), model))
        .isInstanceOf(KnowledgeException.class)
        .hasMessageContaining("order rule CYTOREDUCTIVE_NEPHRECTOMY_V2 has no evaluator")
        .hasMessageContaining("the engine evaluates order rule CYTOREDUCTIVE_NEPHRECTOMY but the knowledge file does not define it")
        .hasMessageContaining("MSKCC factor LDH_GT_2_ULN has no evaluator")
        .hasMessageContaining("the engine evaluates IMDC/MSKCC factor LDH_GT_1_5_ULN but the knowledge file does not define it");
  }

  @Test
  void aRuleIdInTheWrongSectionStopsTheStart() throws IOException {
    String model = Files.readString(MODEL).replaceFirst("- id: SOLITARY", "- id: KPS_LT_80");
    assertThatThrownBy(() -> load(Files.readString(CITATIONS), model))
        .isInstanceOf(KnowledgeException.class)
        .hasMessageContaining("rule KPS_LT_80 has no evaluator in the engine (it is a IMDC/MSKCC factor)");
  }

  @Test
  void everyRuleIsBoundToTheObjectOfItsId() {
    shipped.model().rules().forEach(r -> assertThat(r.logic().id()).isEqualTo(r.id()));
    shipped.model().imdc().factors().forEach(f -> assertThat(f.logic().id()).isEqualTo(f.id()));
    shipped.model().mskcc().factors().forEach(f -> assertThat(f.logic().id()).isEqualTo(f.id()));
    shipped.model().orderRules().forEach(r -> assertThat(r.logic().id()).isEqualTo(r.id()));
  }

  @Test
  void anOrderSummaryTooLongForTheCardStopsTheStart() throws IOException {
    String model = Files.readString(MODEL).replace(
        "summary: \"RCC stage ≥ T2: CT of the chest is recommended over a chest radiograph for staging\"",
        "summary: \"" + "x".repeat(150) + "\"");
    assertThatThrownBy(() -> load(Files.readString(CITATIONS), model))
        .isInstanceOf(KnowledgeException.class)
        .hasMessageContaining("CHEST_RADIOGRAPH_STAGING: summary must be under 140");
  }

  private static KnowledgeBase load(String citations, String model) {
    return new KnowledgeLoader().load(stream(citations), stream(model));
  }

  private static InputStream stream(String s) {
    return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
  }
}
