package org.metastasectomy.cds.model;

/**
 * An order-time rule that fired for one draft order: the rule's definition, the order, and the rule's result, whose data
 * are the patient facts that made it fire.
 */
public record OrderAlert(OrderRuleDefinition rule, DraftOrder order, FactorResult result) {}
