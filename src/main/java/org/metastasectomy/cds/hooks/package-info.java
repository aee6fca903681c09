/**
 * The CDS Hooks endpoints and the pipeline behind them. {@link org.metastasectomy.cds.hooks.CdsHooksController} is three
 * thin endpoints; {@link org.metastasectomy.cds.hooks.HookPipeline} reads a call as its data flows — request, then the
 * handler of the service's hook ({@link org.metastasectomy.cds.hooks.PatientViewHandler},
 * {@link org.metastasectomy.cds.hooks.OrderHandler}) through {@link org.metastasectomy.cds.hooks.PatientSteps} (patient
 * record, features, assessment) to cards, then the audit. A new hook is a new handler here and a service in
 * cds-hooks/services/discovery.json. Request checking, body limits and the JSON errors (OperationOutcome) are here too.
 */
package org.metastasectomy.cds.hooks;
