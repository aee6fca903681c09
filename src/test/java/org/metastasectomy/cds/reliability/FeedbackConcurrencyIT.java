package org.metastasectomy.cds.reliability;

/** {@link FeedbackConcurrencyContract} on the default database, H2. */
class FeedbackConcurrencyIT extends FeedbackConcurrencyContract {}
