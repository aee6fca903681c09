package org.metastasectomy.cds.cards;

import org.metastasectomy.cds.model.RiskResult;

/** How a risk model's result reads on a card. */
final class RiskText {
  private RiskText() {}

  /** "intermediate (score 2)" or "favourable to poor (score 0–3; 3 unknown)". */
  static String describe(RiskResult r) {
    if (r.determined()) {
      return r.groups().get(0).label() + " (score " + r.minScore() + ")";
    }
    return r.groups().get(0).label() + " to " + r.groups().get(r.groups().size() - 1).label()
        + " (score " + r.minScore() + "–" + r.maxScore() + "; " + r.unknownFactors().size() + " unknown)";
  }
}
