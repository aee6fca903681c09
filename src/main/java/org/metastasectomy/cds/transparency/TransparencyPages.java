package org.metastasectomy.cds.transparency;

import java.util.List;
import org.metastasectomy.cds.cdshooks.ServiceDescriptor;
import org.metastasectomy.cds.knowledge.KnowledgeBase;

/**
 * The two transparency pages, rendered once: they depend only on the knowledge loaded at start-up and the
 * configuration, never on a request or a patient.
 */
public final class TransparencyPages {
  private final String index;
  private final String rules;

  public TransparencyPages(KnowledgeBase knowledge, List<ServiceDescriptor> services, int lookbackDays) {
    this.index = new IndexPage(knowledge, services, lookbackDays).render();
    this.rules = new RulesPage(knowledge).render();
  }

  String index() {
    return index;
  }

  String rules() {
    return rules;
  }
}
