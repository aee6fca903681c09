package org.metastasectomy.cds.architecture.violations.feedback;

import org.metastasectomy.cds.architecture.violations.audit.Writes;

/** The other half of the package cycle. Fixture of ArchitectureRulesCanFailTest. */
public final class Reads {
  public Writes other() {
    return null;
  }
}
