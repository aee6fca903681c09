/**
 * The CDS Hooks wire format as plain records (discovery, request, response, card, suggestion, feedback): what goes over
 * the wire and nothing else. Jackson annotations only; no FHIR, no Spring, no model.
 */
package org.metastasectomy.cds.cdshooks;
