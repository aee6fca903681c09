/**
 * The order-time rules (order-select, order-sign), one object each, listed by {@link
 * org.metastasectomy.cds.model.orders.OrderRuleSet}: when each fires for a draft order, and the patient facts that made
 * it fire.
 */
package org.metastasectomy.cds.model.orders;
