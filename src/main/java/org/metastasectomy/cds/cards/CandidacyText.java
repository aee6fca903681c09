package org.metastasectomy.cds.cards;

import java.util.List;
import org.metastasectomy.cds.model.Assessment;
import org.metastasectomy.cds.model.Candidacy;

/**
 * The evidence-profile category as a card states it: settled ("favourable") only when no unknown factor could change
 * it; otherwise every category the unknown factors could still give, and how many are unknown ("favourable or mixed:
 * 6 factors unknown").
 */
final class CandidacyText {
  private CandidacyText() {}

  static String of(Assessment a) {
    if (a.candidacySettled()) {
      return a.candidacy().label();
    }
    List<String> labels = a.reachableCandidacies().stream().map(Candidacy::label).toList();
    String joined = labels.size() == 1 ? labels.get(0)
        : String.join(", ", labels.subList(0, labels.size() - 1)) + " or " + labels.get(labels.size() - 1);
    int unknown = a.unknown().size();
    return joined + ": " + unknown + (unknown == 1 ? " factor unknown" : " factors unknown");
  }
}
