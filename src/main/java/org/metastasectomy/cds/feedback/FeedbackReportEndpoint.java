package org.metastasectomy.cds.feedback;

import java.util.List;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.stereotype.Component;

/**
 * {@code GET /actuator/feedback}: accepted and overridden counts per card type and override reason, so a hospital can
 * see whether an alert is useful. Counts only; no patient data.
 */
@Component
@Endpoint(id = "feedback")
public class FeedbackReportEndpoint {
  private final FeedbackRepository repository;

  public FeedbackReportEndpoint(FeedbackRepository repository) {
    this.repository = repository;
  }

  @ReadOperation
  public List<FeedbackRepository.FeedbackCount> report() {
    return repository.counts();
  }
}
