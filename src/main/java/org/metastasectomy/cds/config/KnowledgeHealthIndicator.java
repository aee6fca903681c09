package org.metastasectomy.cds.config;

import org.metastasectomy.cds.knowledge.KnowledgeBase;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;

/**
 * Health component {@code knowledge}, part of the readiness group: which clinical knowledge this instance answers with.
 * The files are loaded and validated while the context starts (invalid files stop the start), so an instance that
 * reports at all has loaded them; an empty rule set is reported DOWN rather than served.
 */
final class KnowledgeHealthIndicator implements HealthIndicator {
  private final KnowledgeBase knowledge;

  KnowledgeHealthIndicator(KnowledgeBase knowledge) {
    this.knowledge = knowledge;
  }

  @Override
  public Health health() {
    int rules = knowledge.model().rules().size();
    Health.Builder health = rules == 0 ? Health.down() : Health.up();
    return health
        .withDetail("modelVersion", knowledge.model().version())
        .withDetail("releaseDate", knowledge.model().releaseDate())
        .withDetail("rules", rules)
        .withDetail("orderRules", knowledge.model().orderRules().size())
        .withDetail("citations", knowledge.citations().all().size())
        .build();
  }
}
