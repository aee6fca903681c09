/**
 * Building the cards from the assessment: the patient-view tumour board card ({@code TumourBoardCardBuilder},
 * {@code ProfileDetail}), the order-time cards, the sentences each rule's structured result reads as
 * ({@code FindingText}), evidence links, and the draft FHIR resources of suggestions (written as JSON, without HAPI).
 * Cards read the model and the knowledge; never FHIR reading or intake.
 */
package org.metastasectomy.cds.cards;
