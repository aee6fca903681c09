/**
 * What clinicians say about cards: the feedback endpoint's checking and storing (exactly once), the issued cards it
 * refers to, the counts report ({@code /actuator/feedback}), and {@link org.metastasectomy.cds.feedback.Suppression},
 * which quiets a recommendation after feedback or a documented tumour board review.
 */
package org.metastasectomy.cds.feedback;
