/**
 * The audit trail: one row per hook invocation (answered or rejected), written off the request path in batches
 * ({@code AuditWriter}), with the patient only as a keyed hash, and purged after the retention period.
 * {@link org.metastasectomy.cds.audit.HookAudit} is the one place a hook is audited.
 */
package org.metastasectomy.cds.audit;
