package org.metastasectomy.cds.architecture.violations.hooks;

import org.hl7.fhir.r4.model.Bundle;

/** A hooks class that parses FHIR itself. Fixture of ArchitectureRulesCanFailTest. */
public final class ParsesWithHapi {
  public Bundle bundle() {
    return new Bundle();
  }
}
