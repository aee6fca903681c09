package org.metastasectomy.cds.transparency;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.metastasectomy.cds.evidence.Citation;
import org.metastasectomy.cds.knowledge.KnowledgeBase;
import org.metastasectomy.cds.knowledge.KnowledgeLoader;
import org.metastasectomy.cds.model.OrderRuleDefinition;
import org.metastasectomy.cds.model.RuleDefinition;
import org.w3c.dom.Element;

class RulesPageTest {
  private static final KnowledgeBase KNOWLEDGE = KnowledgeLoader.loadFromClasspath();
  private final String html = new RulesPage(KNOWLEDGE).render();
  private final PageDocument page = PageDocument.parse(html);

  @Test
  void everyRuleAndOrderRuleHasTheAnchorCardsLinkTo() {
    List<String> ids = page.ids();
    assertThat(new HashSet<>(ids)).as("ids are unique").hasSize(ids.size());
    for (RuleDefinition rule : KNOWLEDGE.model().rules()) {
      assertThat(ids).contains("rule-" + rule.id());
    }
    for (OrderRuleDefinition rule : KNOWLEDGE.model().orderRules()) {
      assertThat(ids).contains("order-" + rule.id());
    }
    assertThat(ids).contains("candidacy", "imdc", "mskcc", "survival", "synchronous", "limitations");
  }

  @Test
  void theRulesOfTheClinicalReviewAreStatedWithTheirSources() {
    String synchronous = page.byId("synchronous").getTextContent();
    assertThat(synchronous).contains("plus 3 months", "exactly 3 months after diagnosis is synchronous", "Hoeh");
    assertThat(PageDocument.links(page.byId("synchronous"))).extracting(PageDocument.Anchor::text)
        .anyMatch(label -> label.contains("Hoeh") && label.toLowerCase().contains("search"));
    String reading = page.byId("chart-reading").getTextContent();
    assertThat(reading).contains("today plus 1 day", "preliminary result only", "248153007", "248152002",
        "same calendar day", "8318/3", "counted to today");
    assertThat(page.byId("order-ADJUVANT_NED_UNCONFIRMED").getTextContent()).contains("never a suggestion to remove");
    assertThat(page.byId("candidacy").getTextContent()).contains("favourable or mixed: 6 factors unknown");
  }

  @Test
  void eachRuleShowsItsEvidenceFactorRowAndExactlyItsOwnSourcesAsCatalogueLinks() {
    for (RuleDefinition rule : KNOWLEDGE.model().rules()) {
      Element article = page.byId("rule-" + rule.id());
      KnowledgeBase.RuleExplanation why = KNOWLEDGE.explanation(rule.id());
      assertThat(article.getTextContent()).contains(rule.label(), why.evidence(), "factors.json " + why.factor(), rule.toDocument());
      List<PageDocument.Anchor> expected = rule.citations().stream().distinct()
          .map(id -> KNOWLEDGE.citations().link(id)).map(l -> new PageDocument.Anchor(l.url(), l.label())).toList();
      assertThat(PageDocument.links(article)).as(rule.id().name()).containsExactlyElementsOf(expected);
    }
    for (OrderRuleDefinition rule : KNOWLEDGE.model().orderRules()) {
      Element article = page.byId("order-" + rule.id());
      assertThat(article.getTextContent()).contains(rule.detail());
      assertThat(PageDocument.links(article)).hasSize((int) rule.citations().stream().distinct().count());
    }
  }

  @Test
  void everyOutsideLinkIsACatalogueLinkVerifiedToPubMedOrDoiOthersToALabelledSearch() {
    List<PageDocument.Anchor> outside = page.links().stream().filter(a -> a.href().startsWith("http")).toList();
    assertThat(outside).isNotEmpty();
    Set<String> linked = new HashSet<>();
    for (PageDocument.Anchor a : outside) {
      Citation c = KNOWLEDGE.citations().all().stream()
          .filter(x -> KNOWLEDGE.citations().link(x.id()).url().equals(a.href()))
          .findFirst().orElseThrow(() -> new AssertionError("link not made by the catalogue: " + a));
      linked.add(c.id());
      if (c.verified() && c.hasIdentifier()) {
        assertThat(a.href()).matches("https://pubmed\\.ncbi\\.nlm\\.nih\\.gov/\\d+/|https://doi\\.org/10\\..+");
        assertThat(a.text()).doesNotContain("search");
      } else {
        assertThat(a.href()).startsWith("https://pubmed.ncbi.nlm.nih.gov/?term=");
        assertThat(a.text()).endsWith("(PubMed search)");
      }
    }
    assertThat(linked).as("the sources section lists every citation")
        .containsAll(KNOWLEDGE.citations().all().stream().map(Citation::id).toList());
  }

  @Test
  void riskModelGroupsFollowTheKnowledgeCutOffs() {
    // IMDC (Heng 2009): favourable 0, intermediate 1–2, poor 3–6; MSKCC (Motzer 2002): 0, 1–2, ≥ 3 of 5 factors.
    assertThat(page.byId("imdc").getTextContent()).contains("Groups: favourable 0, intermediate 1–2, poor 3–6 factors.");
    assertThat(page.byId("mskcc").getTextContent()).contains("Groups: favourable 0, intermediate 1–2, poor 3–5 factors.");
    KNOWLEDGE.model().imdc().factors().forEach(f -> assertThat(page.byId("imdc-" + f.id()).getTextContent()).contains(f.label()));
  }

  @Test
  void survivalChartHasOneBarPerSiteWithItsRange() {
    Element survival = page.byId("survival");
    assertThat(survival.getElementsByTagName("rect").getLength()).isEqualTo(KNOWLEDGE.model().survival().size());
    KNOWLEDGE.model().survival().values().forEach(r -> assertThat(page.byId("survival-" + r.site().name()).getTextContent())
        .contains(r.text()));
    Element svg = (Element) survival.getElementsByTagName("svg").item(0);
    assertThat(svg.getTextContent()).contains("39.9–62.5%");
  }

  /** The card links here for survival and complications (issue 12 item 4), so the caveat is said here (item 5). */
  @Test
  void survivalRangesAndComplicationsCarryTheSelectionBiasCaveat() {
    assertThat(page.byId("survival").getTextContent()).contains("retrospective series of selected patients",
        "selection bias", "no randomised comparison with systemic therapy", "Not a prediction for the patient");
    assertThat(page.byId("perioperative").getTextContent()).contains(KNOWLEDGE.perioperativeText());
  }

  @Test
  void knowledgeTextIsEscapedNeverMarkup() throws IOException {
    String label = "Solitary <b>metastasis</b> & \"one\" <script>alert('x')</script>";
    String model = resource("cds-hooks/knowledge/model.yaml")
        .replace("label: \"Solitary metastasis\"", "label: '" + label.replace("'", "''") + "'");
    assertThat(model).contains("<script>");
    KnowledgeBase tampered = new KnowledgeLoader().load(stream(resource("cds-hooks/knowledge/citations.yaml")), stream(model));

    String rendered = new RulesPage(tampered).render();

    assertThat(rendered).doesNotContain("<script", "<b>metastasis")
        .contains("Solitary &lt;b&gt;metastasis&lt;/b&gt; &amp; &quot;one&quot; &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;");
    Element heading = (Element) PageDocument.parse(rendered).byId("rule-SOLITARY").getElementsByTagName("h4").item(0);
    assertThat(heading.getFirstChild().getTextContent()).isEqualTo(label);
  }

  private static String resource(String path) throws IOException {
    try (InputStream in = RulesPageTest.class.getClassLoader().getResourceAsStream(path)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static InputStream stream(String text) {
    return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
  }
}
