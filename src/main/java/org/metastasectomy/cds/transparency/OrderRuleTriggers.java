package org.metastasectomy.cds.transparency;

import java.util.Map;
import java.util.Optional;
import org.metastasectomy.cds.model.RuleId;

/**
 * When each order-time rule fires, in words, as the rule objects of {@code model.orders} decide it. Every order rule needs a patient with
 * renal cell carcinoma. The wording describes the software, not the evidence; the evidence is the rule's own text.
 */
final class OrderRuleTriggers {
  private OrderRuleTriggers() {}

  private static final Map<RuleId, String> TRIGGERS = Map.of(
      RuleId.ADJUVANT_AFTER_METASTASECTOMY,
      "A draft pazopanib or sorafenib order, when a metastasectomy is recorded and no current metastasis was recorded after it.",
      RuleId.SYSTEMIC_BEFORE_TUMOUR_BOARD,
      "A draft RCC systemic therapy order that the adjuvant warning does not cover, when the evidence profile is favourable and no tumour board review is documented.",
      RuleId.CHEST_RADIOGRAPH_STAGING,
      "A draft chest radiograph order, when the primary tumour T category is at least the cut-off.",
      RuleId.CYTOREDUCTIVE_NEPHRECTOMY,
      "A draft nephrectomy order, when the disease is metastatic and synchronous and the IMDC group cannot be favourable.");

  static Optional<String> of(RuleId orderRuleId) {
    return Optional.ofNullable(TRIGGERS.get(orderRuleId));
  }
}
