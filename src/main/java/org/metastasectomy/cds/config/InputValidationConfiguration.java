package org.metastasectomy.cds.config;

import ca.uhn.fhir.context.FhirContext;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.metastasectomy.cds.intake.ContractValidator;
import org.metastasectomy.cds.intake.InputCheck;
import org.metastasectomy.cds.intake.InputValidator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** {@code cds.fhir.validate-input}: off, or warn (validate prefetch against fhir-profiles/ and note issues in the audit). */
@Configuration(proxyBeanMethods = false)
class InputValidationConfiguration {
  /** Checks waiting beyond this many are skipped ("validator busy") rather than piling up. */
  private static final int QUEUE = 8;

  @Bean
  InputCheck inputCheck(CdsProperties props, FhirContext fhir, ObjectMapper json) {
    if (props.fhir().validateInput() != CdsProperties.InputValidation.WARN) {
      return InputCheck.OFF;
    }
    ThreadPoolExecutor executor = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(QUEUE), r -> {
      Thread t = new Thread(r, "input-validation");
      t.setDaemon(true);
      t.setPriority(Thread.MIN_PRIORITY);
      return t;
    }, new ThreadPoolExecutor.AbortPolicy());
    List<String> contract = List.copyOf(FhirProfileFiles.conformanceResources().values());
    return new InputValidator(() -> ContractValidator.of(fhir, contract), executor, fhir, json);
  }
}
