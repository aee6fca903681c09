package org.metastasectomy.cds.cards;

import java.util.ArrayList;
import java.util.List;
import org.metastasectomy.cds.model.Assessment;
import org.metastasectomy.cds.model.RiskGroup;
import org.metastasectomy.cds.model.Site;

/**
 * What the evidence says about benefit for the patients in whom it is weakest (issue 12 item 4): IMDC poor risk, brain
 * metastases, ECOG ≥ 2. Such a card does not read like a favourable patient's. Each sentence traces to the review
 * (evidence/review-metastasectomy-mrcc.txt), and cites the source the review gives for it.
 */
final class Cautions {
  private Cautions() {}

  /** A sentence and the citations it rests on. */
  record Caution(String text, List<String> citations) {}

  /** ECOG from which the card speaks of limited performance status: the review's "better performance status". */
  static final int ECOG_CAUTION = 2;

  static List<Caution> of(Assessment a) {
    List<Caution> out = new ArrayList<>();
    boolean liver = a.features().currentSites().contains(Site.LIVER);
    var ecog = a.features().ecog();
    boolean imdcPoor = a.imdc().determined() && a.imdc().groups().get(0) == RiskGroup.POOR;
    if (imdcPoor) {
      // Review, abstract: "valuable … in the properly selected patient"; conclusion: "in patients with better
      // performance status are associated with survival benefits"; cytoreduction paragraph: "evidence in patients with
      // good performance status and good or intermediate-risk disease suggest that intervention may be beneficial
      // [54], paralleling the findings of observational studies in the metastasectomy literature".
      out.add(new Caution("IMDC poor risk: benefit is reported in properly selected patients with better performance "
          + "status and good or intermediate-risk disease.", List.of("review")));
    }
    if (a.features().currentSites().contains(Site.BRAIN)) {
      // Review, Brain: 50 patients, "10% postoperative mortality rate", "Overall survival at 1 and 5 years was 51% and 8.5%" [29].
      out.add(new Caution("Brain metastasis: after craniotomy (50 patients), 5-year overall survival was 8.5% and "
          + "postoperative mortality 10%.", List.of("wronski1996")));
    }
    if (ecog.isKnown() && ecog.value() >= ECOG_CAUTION) {
      // Review, conclusion (better performance status) and Liver: "ECOG scores > 0 … did not benefit" (Staehler [27]).
      // Said once: after the IMDC poor caution, which already names better performance status, only the liver finding.
      String date = ecog.date() == null ? "" : " on " + ecog.date();
      String liverFinding = "after liver resection, patients with ECOG > 0 did not benefit.";
      if (imdcPoor && liver) {
        out.add(new Caution("ECOG " + ecog.value() + date + ": " + liverFinding, List.of("staehler2010")));
      } else {
        out.add(new Caution("ECOG " + ecog.value() + date + ": benefit is reported in patients with better performance status"
            + (liver ? "; " + liverFinding : "."), liver ? List.of("review", "staehler2010") : List.of("review")));
      }
    }
    return out;
  }
}
