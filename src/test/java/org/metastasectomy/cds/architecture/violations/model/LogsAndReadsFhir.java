package org.metastasectomy.cds.architecture.violations.model;

import java.net.http.HttpClient;
import org.metastasectomy.cds.architecture.violations.reading.FhirReader;
import org.slf4j.LoggerFactory;

/**
 * Breaks the model's rule three times: a logger, a class of the reading package, and the JDK's HTTP client. Fixture of
 * ArchitectureRulesCanFailTest.
 */
public final class LogsAndReadsFhir {
  public Object use() {
    return LoggerFactory.getLogger(FhirReader.class);
  }

  public HttpClient client() {
    return null;
  }
}
