package org.metastasectomy.cds.architecture.violations.audit;

import org.metastasectomy.cds.architecture.violations.feedback.Reads;

/** Half of a package cycle (audit -> feedback -> audit). Fixture of ArchitectureRulesCanFailTest. */
public final class Writes {
  public Reads other() {
    return null;
  }
}
