package org.metastasectomy.cds.architecture.violations.reading;

/** Stands for a reading class. Fixture of ArchitectureRulesCanFailTest. */
public final class FhirReader {}
