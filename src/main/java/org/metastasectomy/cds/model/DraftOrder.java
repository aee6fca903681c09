package org.metastasectomy.cds.model;

import java.util.Set;

/**
 * One draft order of the hook's draftOrders bundle.
 *
 * @param reference relative reference of the draft, e.g. MedicationRequest/abc (used by delete actions)
 * @param display what the order is, as the EHR named it
 */
public record DraftOrder(String reference, String display, Set<OrderKind> kinds) {

  public DraftOrder {
    kinds = Set.copyOf(kinds);
  }

  public boolean is(OrderKind kind) {
    return kinds.contains(kind);
  }
}
