package org.metastasectomy.cds.transparency;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.metastasectomy.cds.knowledge.KnowledgeBase;
import org.metastasectomy.cds.model.Direction;
import org.metastasectomy.cds.model.RuleDefinition;
import org.metastasectomy.cds.model.Site;

/**
 * The rules page ({@code /rules}): every rule with its direction, site, cut-off, evidence and sources; IMDC and MSKCC;
 * the candidacy rule; order-time rules; survival ranges; limitations. Cards link to its anchors: {@code rule-<ID>},
 * {@code order-<ID>}, {@code candidacy}, {@code imdc}, {@code mskcc}, {@code survival}. Everything shown comes from the
 * knowledge files.
 */
final class RulesPage {
  private final KnowledgeBase knowledge;

  RulesPage(KnowledgeBase knowledge) {
    this.knowledge = knowledge;
  }

  String render() {
    HtmlWriter w = PageLayout.start("Rules and evidence");
    w.element("h1", "Rules and evidence");
    w.element("p", "Every rule the service applies, with its cut-off, the evidence it rests on and the sources. "
        + "A card links to the rule that decided it; the highlighted box is that rule.");
    version(w);
    contents(w);
    candidacy(w);
    rules(w);
    new RiskModelSection(knowledge).write(w);
    new InferenceSection().write(w);
    new OrderRulesSection(knowledge).write(w);
    new SurvivalSection(knowledge).write(w);
    new ChartReadingSection(knowledge).write(w);
    limitations(w);
    references(w);
    return PageLayout.finish(w, knowledge);
  }

  private void version(HtmlWriter w) {
    w.open("dl", "id", "version");
    w.element("dt", "Model version").element("dd", knowledge.model().version());
    w.element("dt", "Release date").element("dd", knowledge.model().releaseDate());
    w.element("dt", "Status").element("dd", knowledge.status());
    w.close("dl");
  }

  private static void contents(HtmlWriter w) {
    w.open("nav", "aria-label", "On this page").open("p");
    String[][] entries = {
        {"#candidacy", "How the profile is read"}, {"#rules", "Rules"}, {"#imdc", "IMDC"}, {"#mskcc", "MSKCC"},
        {"#inference", "What is never inferred"}, {"#orders", "Order-time rules"}, {"#synchronous", "Synchronous"}, {"#perioperative", "Perioperative risk"},
        {"#survival", "Survival by site"}, {"#chart-reading", "How the chart is read"}, {"#limitations", "Limitations"}, {"#references", "All sources"}};
    for (int i = 0; i < entries.length; i++) {
      if (i > 0) {
        w.text(" · ");
      }
      w.link(entries[i][0], entries[i][1]);
    }
    w.close("p").close("nav");
  }

  private void candidacy(HtmlWriter w) {
    w.open("section", "id", "candidacy").element("h2", "How the profile is read");
    w.element("p", knowledge.candidacyRule());
    w.element("p", "A rule whose data are missing is unknown: it is never counted as absent. The card says why: not "
        + "recorded (and what to record), recorded but older than the look-back (with the last value and its date), or "
        + "not fetched from the EHR's FHIR server. Site rules apply only to patients with a current metastasis at that site.");
    w.open("p", "id", "completeness").element("strong", "Completeness. ")
        .text("The category is stated as settled only when no unknown rule could change it; otherwise the card names "
        + "every category still reachable, e.g. \"favourable or mixed: 6 factors unknown\". "
        + "F can rise by the unknown favourable rules and U by the unknown unfavourable ones, and the category depends "
        + "only on whether each is zero, so the categories of (F, U), (F + unknown favourable, U), (F, U + unknown "
        + "unfavourable) and (F + unknown favourable, U + unknown unfavourable) are all that can be reached. IMDC and "
        + "MSKCC likewise give the range of scores and groups the unknown factors allow.").close("p");
    w.element("p", "A patient whose every metastasis Condition is resolved, inactive or in remission (historic M1, now "
        + "disease-free) has nothing to resect and gets no metastasectomy card; M1 with no metastasis Condition at all is "
        + "metastatic, sites unknown.");
    w.close("section");
  }

  private void rules(HtmlWriter w) {
    w.open("section", "id", "rules").element("h2", "Rules of the evidence profile");
    for (Map.Entry<String, List<RuleDefinition>> group : bySite().entrySet()) {
      w.element("h3", group.getKey());
      for (RuleDefinition rule : group.getValue()) {
        rule(w, rule);
      }
    }
    w.close("section");
  }

  private Map<String, List<RuleDefinition>> bySite() {
    Map<String, List<RuleDefinition>> groups = new LinkedHashMap<>();
    for (RuleDefinition r : knowledge.model().rules()) {
      String heading = r.site() == null ? "Any metastatic site" : capitalised(r.site().label()) + " metastases";
      groups.computeIfAbsent(heading, k -> new ArrayList<>()).add(r);
    }
    return groups;
  }

  private void rule(HtmlWriter w, RuleDefinition r) {
    String direction = r.direction() == Direction.FAVOURABLE ? "favourable" : "unfavourable";
    w.open("article", "id", "rule-" + r.id(), "class", "rule " + direction);
    w.open("h4").text(r.label()).element("span", direction, "class", "tag").close("h4");
    KnowledgeBase.RuleExplanation why = knowledge.explanation(r.id());
    w.open("dl");
    w.element("dt", "Rule").open("dd").element("code", r.id().name()).close("dd");
    w.element("dt", "Applies to").element("dd", appliesTo(r.site()));
    w.element("dt", "Cut-off").element("dd", r.threshold() == null ? "none: the feature is present or absent" : CutOffs.of(r.id(), r.threshold()));
    w.element("dt", "Evidence").element("dd", why == null ? "" : why.evidence());
    w.element("dt", "Evidence row").element("dd", why == null || why.factor() == null ? "—" : "factors.json " + why.factor());
    w.element("dt", "Sources").open("dd");
    CitationList.write(w, knowledge.citations(), r.citations());
    w.close("dd");
    w.element("dt", "If unknown, record").element("dd", r.toDocument());
    w.close("dl").close("article");
  }

  private static String appliesTo(Site site) {
    return site == null ? "any patient with metastatic disease" : "patients with a current " + site.label() + " metastasis";
  }

  private void limitations(HtmlWriter w) {
    w.open("section", "id", "limitations").element("h2", "Limitations");
    w.element("p", knowledge.limitations(), "class", "note");
    w.element("p", "Model status: " + knowledge.status() + ". The profile informs the clinician and the tumour board; "
        + "it does not decide whether to operate.");
    w.close("section");
  }

  private void references(HtmlWriter w) {
    w.open("section", "id", "references").element("h2", "All sources");
    w.element("p", "Verified references link to PubMed or the DOI; the others link to a PubMed search, labelled as such.");
    w.open("ul", "class", "sources");
    knowledge.citations().all().forEach(c -> {
      var link = knowledge.citations().link(c.id());
      w.open("li", "id", "source-" + c.id()).link(link.url(), link.label());
      if (c.title() != null) {
        w.text(" — " + c.title());
      }
      w.close("li");
    });
    w.close("ul").close("section");
  }

  static String capitalised(String s) {
    return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }
}
