package org.metastasectomy.cds.hooks;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.metastasectomy.cds.cards.CardType;
import org.metastasectomy.cds.cards.IssuedCard;
import org.metastasectomy.cds.cards.TumourBoardCardBuilder;
import org.metastasectomy.cds.feedback.Suppression;
import org.metastasectomy.cds.model.Assessment;
import org.metastasectomy.cds.reading.PatientRecordReader;

/** patient-view: for metastatic RCC, the tumour board card with the evidence profile, unless feedback quiets it. */
public final class PatientViewHandler implements HookHandler {
  private final PatientSteps steps;
  private final Suppression suppression;
  private final TumourBoardCardBuilder cards;

  public PatientViewHandler(PatientSteps steps, Suppression suppression, TumourBoardCardBuilder cards) {
    this.steps = steps;
    this.suppression = suppression;
    this.cards = cards;
  }

  @Override
  public Set<String> hooks() {
    return Set.of("patient-view");
  }

  @Override
  public List<IssuedCard> answer(Invocation call) {
    Optional<PatientRecordReader> record = steps.recordWithRcc(call);
    if (record.isEmpty()) {
      return List.of();
    }
    Assessment a = steps.assess(record.get(), call);
    if (!a.applicable()) {
      return List.of();
    }
    Suppression.Decision quiet =
        suppression.decide(CardType.TUMOUR_BOARD_REVIEW, call.trail().patientHash(), a.features().lastTumourBoard());
    call.trail().suppression(quiet.note());
    if (quiet.quiet()) {
      return List.of();
    }
    return List.of(cards.build(a, call.request().patientId(), call.rulesPageUrl()));
  }
}
