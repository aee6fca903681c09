package org.metastasectomy.cds.model;

import java.util.List;
import java.util.Set;

/**
 * One draft order of the hook's draftOrders bundle.
 *
 * @param reference relative reference of the draft, e.g. MedicationRequest/abc (used by delete actions)
 * @param display what the order is, as the EHR named it
 * @param agent the RCC systemic therapy ingredient ordered ("sunitinib"), or null
 * @param renewal a medication order that renews an earlier one (MedicationRequest.priorPrescription)
 * @param reason why the order was placed, as far as the order says (reasonCode, reasonReference)
 * @param reasonReferences the Conditions the order names as its reason (reasonReference), as references
 */
public record DraftOrder(String reference, String display, Set<OrderKind> kinds, String agent, boolean renewal,
    OrderReason reason, List<String> reasonReferences) {

  /** What the order gives as its reason. */
  public enum OrderReason {
    /** No reasonCode and no reasonReference. */
    NONE,
    /** A reasonCode naming renal cell carcinoma (ICD-10 C64, SNOMED RCC). */
    RCC,
    /** Any other reason, or only reasonReferences (compared with the patient's primary RCC Condition by the rule). */
    OTHER
  }

  public DraftOrder {
    kinds = Set.copyOf(kinds);
    reasonReferences = List.copyOf(reasonReferences);
  }

  public DraftOrder(String reference, String display, Set<OrderKind> kinds) {
    this(reference, display, kinds, null, false, OrderReason.NONE, List.of());
  }

  public boolean is(OrderKind kind) {
    return kinds.contains(kind);
  }
}
