package org.metastasectomy.cds.config;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** A refused prod start is a list of settings to change, printed as such: no stack trace. */
public final class ProductionReadinessFailureAnalyzer extends AbstractFailureAnalyzer<ProductionReadiness.NotReadyException> {

  @Override
  protected FailureAnalysis analyze(Throwable rootFailure, ProductionReadiness.NotReadyException cause) {
    return new FailureAnalysis(cause.getMessage(),
        "Change the settings named above (environment variables in parentheses; every setting is in README.md, "
            + "Configuration) and start again. For a local trial, start without the prod profile.", cause);
  }
}
