package org.metastasectomy.cds.model;

import java.util.List;

/**
 * An order-time rule of the knowledge file: what it warns about, the evidence, and its wording.
 *
 * @param threshold the numeric cut-off the rule needs (e.g. the minimum T category), or null
 */
public record OrderRuleDefinition(
    String id, String indicator, String summary, String detail, Double threshold, List<String> citations) {

  public OrderRuleDefinition {
    citations = List.copyOf(citations);
  }
}
