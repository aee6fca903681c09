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
      "A draft pazopanib or sorafenib order, when a completed metastasectomy dated on or before today is recorded, every metastasis Condition has a clinical status and none is active (active, recurrence, relapse), and no resection is recorded as incomplete (Procedure.outcome R1, R2, incomplete, residual tumour). With an active metastasis or an incomplete resection there is no card: the order treats metastatic disease.",
      RuleId.ADJUVANT_NED_UNCONFIRMED,
      "A draft pazopanib or sorafenib order, when a metastasectomy is recorded but no evidence of disease cannot be established: a metastasis Condition without clinical status, no metastasis Condition at all, or an undated metastasectomy (and none active, no incomplete resection). Information only, never a suggestion to remove the order.",
      RuleId.SYSTEMIC_BEFORE_TUMOUR_BOARD,
      "A draft RCC systemic therapy order that the adjuvant cards do not cover, when the evidence profile is favourable, no tumour board review is documented, and the order would start first-line therapy for metastatic disease: no therapy for metastatic disease started (nor undeterminable), not a renewal (priorPrescription), not the same agent already running (a dose change).",
      RuleId.CHEST_RADIOGRAPH_STAGING,
      "A draft chest radiograph order for RCC staging, when the primary tumour T category is at least the cut-off: its reason names the RCC (ICD-10 C64, SNOMED RCC, or a reference to the primary RCC Condition), or it gives no reason while initial staging is under way (no nephrectomy and no systemic therapy recorded). Never for another stated reason (pneumonia, line placement).",
      RuleId.CYTOREDUCTIVE_NEPHRECTOMY,
      "A draft nephrectomy order, when the disease is metastatic and synchronous and the IMDC group cannot be favourable.");

  static Optional<String> of(RuleId orderRuleId) {
    return Optional.ofNullable(TRIGGERS.get(orderRuleId));
  }
}
