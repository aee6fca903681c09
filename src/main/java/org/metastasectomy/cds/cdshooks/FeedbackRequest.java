package org.metastasectomy.cds.cdshooks;

import java.util.List;

/** {@code {"feedback": [...]}}. */
public record FeedbackRequest(List<Feedback> feedback) {}
