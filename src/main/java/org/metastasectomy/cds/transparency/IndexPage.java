package org.metastasectomy.cds.transparency;

import java.util.List;
import org.metastasectomy.cds.cdshooks.ServiceDescriptor;
import org.metastasectomy.cds.evidence.EvidenceLink;
import org.metastasectomy.cds.knowledge.KnowledgeBase;

/**
 * The overview page ({@code /}): intended use, users and population, what the service is not for, how it works, how it
 * was developed and validated, and its inputs. Its sentences describe the software; clinical content comes from the
 * knowledge files ({@link KnowledgeBase}) and the service descriptors.
 */
final class IndexPage {
  /** The citation of the review the rules were transcribed from (citations.yaml). */
  static final String REVIEW_CITATION = "review";

  private final KnowledgeBase knowledge;
  private final List<ServiceDescriptor> services;
  private final int lookbackDays;

  IndexPage(KnowledgeBase knowledge, List<ServiceDescriptor> services, int lookbackDays) {
    this.knowledge = knowledge;
    this.services = List.copyOf(services);
    this.lookbackDays = lookbackDays;
  }

  String render() {
    HtmlWriter w = PageLayout.start("About this service");
    w.element("h1", "Metastasectomy review for metastatic renal cell carcinoma");
    w.open("p").text("A clinical decision support service (CDS Hooks). This page says what it is for and what it reads; ")
        .link(PageLayout.RULES_HREF, "Rules and evidence").text(" gives every rule with its cut-off and sources, so that "
            + "the basis of each card can be checked independently.").close("p");
    intendedUse(w);
    notFor(w);
    howItWorks(w);
    development(w);
    InputsSection inputs = new InputsSection(knowledge, lookbackDays);
    inputs.write(w);
    new SourceAttributesSection(knowledge, inputs).write(w);
    w.open("section", "id", "privacy").element("h2", "Privacy");
    w.element("p", "These pages contain no patient data, and the links that cards make to them carry none: no patient "
        + "identifier or value is part of their address.");
    w.close("section");
    return PageLayout.finish(w, knowledge);
  }

  private void intendedUse(HtmlWriter w) {
    w.open("section", "id", "intended-use").element("h2", "Intended use");
    w.open("table").open("thead").open("tr").element("th", "Service").element("th", "What it does")
        .close("tr").close("thead").open("tbody");
    for (ServiceDescriptor s : services) {
      w.open("tr").open("td", "class", "service").text(s.title()).empty("br").element("code", s.id()).empty("br")
          .text("EHR event (hook): ").element("code", s.hook()).close("td");
      w.element("td", s.description()).close("tr");
    }
    w.close("tbody").close("table");
    w.open("dl");
    w.element("dt", "Intended users").element("dd", "Clinicians who treat metastatic renal cell carcinoma (medical "
        + "oncologists, urologists, surgeons) and the multidisciplinary tumour board.");
    w.element("dt", "Patient population").element("dd", "Patients whose record shows renal cell carcinoma with metastatic "
        + "disease: a current metastasis recorded as a Condition, or an M1 category. The order checks run for any "
        + "patient with renal cell carcinoma.");
    w.element("dt", "Role").element("dd", "Informs. The decision stays with the clinician and the tumour board.");
    w.close("dl").close("section");
  }

  private void notFor(HtmlWriter w) {
    w.open("section", "id", "not-for").element("h2", "What it is not for");
    w.open("ul");
    w.element("li", "Not for time-critical decisions. Whether to discuss metastasectomy is a planned decision; the "
        + "patient-view card is always information (indicator \"info\"), never an alarm.");
    w.element("li", "Not a validated score and not a prediction of this patient's survival. " + knowledge.limitations());
    w.element("li", "It does not select patients for surgery and does not replace the judgement of the clinician or "
        + "the tumour board.");
    w.element("li", "US FDA non-device CDS, criterion 4: the service is designed so that the clinician can independently "
        + "review the basis of each recommendation and need not rely primarily on it. Each card names the factors "
        + "found, the record each came from, what is missing, and the sources; these pages give the logic. This "
        + "describes the design intent; no regulatory determination has been made.");
    w.close("ul").close("section");
  }

  private static void howItWorks(HtmlWriter w) {
    w.open("section", "id", "logic").element("h2", "How it works");
    w.open("ol");
    w.element("li", "Reads the patient's record from the EHR (FHIR R4; the inputs are listed below).");
    w.open("li").text("Evaluates each ").link(PageLayout.RULES_HREF + "#rules", "rule of the evidence profile")
        .text(": met, not met, or unknown when the data are missing. Missing data are never read as absent.").close("li");
    w.open("li").text("Computes ").link(PageLayout.RULES_HREF + "#imdc", "IMDC").text(" and ")
        .link(PageLayout.RULES_HREF + "#mskcc", "MSKCC").text(" as published.").close("li");
    w.open("li").text("Reads the profile as favourable, mixed, unfavourable or insufficient data by a ")
        .link(PageLayout.RULES_HREF + "#candidacy", "rule simple enough to check by hand").text(".").close("li");
    w.element("li", "Shows one card: the factors found with their sources, IMDC and MSKCC, the survival range for "
        + "the patient's sites, what is missing, and a link to the rule that decided it.");
    w.close("ol").close("section");
  }

  private void development(HtmlWriter w) {
    w.open("section", "id", "development").element("h2", "Development and validation");
    w.open("dl");
    w.element("dt", "Logic").open("dd").text("Rules transcribed from a review of metastasectomy in metastatic renal "
        + "cell carcinoma (");
    review(w);
    w.text(") and the studies it cites. Each cut-off is the one the cited study reports. No statistical model was "
        + "fitted and no patient data were used to build the service: there is no training data set.").close("dd");
    w.element("dt", "Data behind the evidence").element("dd", "The published studies linked from each rule; their "
        + "design and size are in the evidence sentences. " + knowledge.limitations());
    w.element("dt", "Validation").element("dd", "No clinical validation study of this service has been carried out; "
        + "its checks are software tests on synthetic patients.");
    w.element("dt", "Status").element("dd", knowledge.status() + " (model " + knowledge.model().version() + ", released "
        + knowledge.model().releaseDate() + ")");
    w.close("dl").close("section");
  }

  private void review(HtmlWriter w) {
    knowledge.citations().find(REVIEW_CITATION).ifPresentOrElse(c -> {
      EvidenceLink link = knowledge.citations().link(c.id());
      w.link(link.url(), link.label());
    }, () -> w.text("see the sources on the rules page"));
  }
}
