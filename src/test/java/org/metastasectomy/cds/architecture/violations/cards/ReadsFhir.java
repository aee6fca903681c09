package org.metastasectomy.cds.architecture.violations.cards;

import org.metastasectomy.cds.architecture.violations.reading.FhirReader;

/** A card class that reaches into reading. Fixture of ArchitectureRulesCanFailTest. */
public final class ReadsFhir {
  public FhirReader reader() {
    return new FhirReader();
  }
}
