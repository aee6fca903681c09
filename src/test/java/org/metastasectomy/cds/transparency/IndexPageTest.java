package org.metastasectomy.cds.transparency;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.metastasectomy.cds.knowledge.KnowledgeBase;
import org.metastasectomy.cds.knowledge.KnowledgeLoader;
import org.metastasectomy.cds.knowledge.ServiceCatalogue;
import org.w3c.dom.Element;

class IndexPageTest {
  private static final KnowledgeBase KNOWLEDGE = KnowledgeLoader.loadFromClasspath();
  private static final ServiceCatalogue SERVICES = ServiceCatalogue.loadFromClasspath();
  private final PageDocument index = PageDocument.parse(new IndexPage(KNOWLEDGE, SERVICES.all(), 45).render());
  private final PageDocument rules = PageDocument.parse(new RulesPage(KNOWLEDGE).render());

  @Test
  void everyLinkIntoTheRulesPageResolvesToAnAnchorThere() {
    List<String> targets = index.links().stream().map(PageDocument.Anchor::href)
        .filter(h -> h.startsWith(PageLayout.RULES_HREF + "#")).map(h -> h.substring(h.indexOf('#') + 1)).toList();
    assertThat(targets).hasSizeGreaterThan(KNOWLEDGE.model().rules().size());
    assertThat(rules.ids()).containsAll(targets);
  }

  @Test
  void sourceAttributesSayWhichUscdiElementsTheLogicUses() {
    Map<String, Element> rows = index.select("//section[@id='source-attributes']//tr[td]").stream()
        .collect(Collectors.toMap(tr -> tr.getElementsByTagName("td").item(0).getTextContent(), tr -> tr));
    for (String unused : List.of("race", "ethnicity", "language", "sexual orientation", "gender identity",
        "social determinants of health data")) {
      assertThat(cell(rows.get("Use of " + unused))).as(unused).startsWith("Not used.");
    }
    assertThat(cell(rows.get("Use of sex"))).contains("Patient.gender", "used by no rule").endsWith("Used by: no rule.");
    assertThat(hrefs(rows.get("Use of date of birth"))).containsExactly("rules#rule-AGE_GT_65", "rules#rule-LUNG_AGE_GT_70");
    assertThat(hrefs(rows.get("Use of health status assessments data")))
        .containsExactly("rules#rule-LIVER_ECOG_GT_0", "rules#imdc-KPS_LT_80");
    assertThat(cell(rows.get("Funding source of the technical implementation"))).isEqualTo("None declared.");
    assertThat(cell(rows.get("Release and revision dates")))
        .contains(KNOWLEDGE.model().version(), KNOWLEDGE.model().releaseDate());
  }

  @Test
  void statesIntendedUseForEachServiceAndTheConfiguredLookBack() {
    String text = index.document().getDocumentElement().getTextContent();
    SERVICES.all().forEach(s -> assertThat(text).contains(s.id(), s.hook(), s.description()));
    assertThat(index.byId("inputs").getTextContent()).contains("older than 45 days are not used");
    assertThat(index.byId("not-for").getTextContent()).contains("Not for time-critical decisions", KNOWLEDGE.limitations());
  }

  private static String cell(Element row) {
    return row.getElementsByTagName("td").item(1).getTextContent();
  }

  private static List<String> hrefs(Element row) {
    return PageDocument.links(row).stream().map(PageDocument.Anchor::href).toList();
  }
}
