/**
 * Getting the patient's data from the EHR: prefetch as sent, and for what is missing the EHR's FHIR server through HAPI's
 * client (allow-list, deadline, one retry, circuit breakers, bounded paging), the result kept raw as
 * {@link org.metastasectomy.cds.intake.PrefetchData}. Also the optional check of incoming FHIR against fhir-profiles/.
 * Nothing here interprets clinical data.
 */
package org.metastasectomy.cds.intake;
