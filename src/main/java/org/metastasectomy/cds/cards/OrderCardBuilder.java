package org.metastasectomy.cds.cards;

import java.util.ArrayList;
import java.util.List;
import org.metastasectomy.cds.cdshooks.Action;
import org.metastasectomy.cds.cdshooks.Card;
import org.metastasectomy.cds.cdshooks.Source;
import org.metastasectomy.cds.cdshooks.Suggestion;
import org.metastasectomy.cds.knowledge.KnowledgeBase;
import org.metastasectomy.cds.model.OrderAlert;
import org.metastasectomy.cds.model.RuleId;

/** Cards for the order-time rules: the rule's wording from the knowledge file, this patient's reasons, one suggestion. */
public final class OrderCardBuilder {
  private final KnowledgeBase knowledge;
  private final DraftResources drafts;

  public OrderCardBuilder(KnowledgeBase knowledge, DraftResources drafts) {
    this.knowledge = knowledge;
    this.drafts = drafts;
  }

  public IssuedCard build(OrderAlert alert, String patientId, String rulesPageUrl) {
    String ruleId = alert.rule().id().name();
    String summary = summary(alert);
    StringBuilder detail = new StringBuilder(CardText.md(alert.rule().detail())).append("\n\n**This patient**\n\n");
    FindingText.reasons(alert.result()).forEach(r -> detail.append("- ").append(CardText.md(r)).append('\n'));
    detail.append("\n_Order: ").append(CardText.md(alert.order().display())).append(". Model ")
        .append(knowledge.model().version()).append(" (").append(knowledge.status()).append(")._");
    Card card = new Card(
        CardIds.next(),
        summary,
        detail.toString(),
        alert.rule().indicator(),
        new Source("mRCC metastasectomy evidence (model " + knowledge.model().version() + ")", rulesPageUrl, null, null),
        suggestions(alert, patientId),
        alert.rule().id() == RuleId.ADJUVANT_NED_UNCONFIRMED ? null : "at-most-one",
        CardCodes.OVERRIDE,
        EvidenceLinks.of(knowledge.citations(), alert.rule().citations(), rulesPageUrl + "#order-" + ruleId,
            "How this alert was decided"),
        CardTrace.of(alert.result(), knowledge.model().version()));
    return new IssuedCard(card, CardType.of(alert.rule().id()));
  }

  static String summary(OrderAlert alert) {
    String order = alert.order().display();
    String template = alert.rule().summary();
    int room = CardText.MAX_SUMMARY - (template.length() - "{order}".length());
    return template.replace("{order}", CardText.fit(order, Math.max(10, room)));
  }

  /** None for the information card that only asks to confirm the disease status: nothing to suggest until it is. */
  private List<Suggestion> suggestions(OrderAlert alert, String patientId) {
    return alert.rule().id() == RuleId.ADJUVANT_NED_UNCONFIRMED ? List.of() : List.of(suggestion(alert, patientId));
  }

  private Suggestion suggestion(OrderAlert alert, String patientId) {
    String uuid = CardIds.next();
    String order = alert.order().reference();
    return switch (alert.rule().id()) {
      case ADJUVANT_AFTER_METASTASECTOMY -> new Suggestion("Remove the draft order", uuid, null,
          List.of(new Action("delete", "Remove the draft " + alert.order().display(), null, order)));
      case CHEST_RADIOGRAPH_STAGING -> new Suggestion("Order CT of the chest instead", uuid, null, List.of(
          new Action("delete", "Remove the draft chest radiograph", null, order),
          new Action("create", "Draft a CT of the chest", drafts.chestCt(patientId), null)));
      default -> new Suggestion("Refer to multidisciplinary tumour board", uuid, null, new ArrayList<>(List.of(
          new Action("create", "Draft a referral to the multidisciplinary tumour board",
              drafts.tumourBoardReferral(patientId, "Review before " + alert.order().display()), null))));
    };
  }
}
