package org.metastasectomy.cds.hooks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import org.metastasectomy.cds.knowledge.ServiceCatalogue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * Before the service reports ready, runs the bundled favourable example through the whole pipeline (parsing, mapping,
 * model, cards), so the first EHR request does not pay for class loading and JIT. (HAPI's REST client is warmed by
 * intake.FhirWarmUp.)
 */
@Component
class Warmup implements ApplicationRunner {
  private static final Logger log = LoggerFactory.getLogger(Warmup.class);
  static final String EXAMPLE = "cds-hooks/examples/solitary-lung-favourable/request.json";

  private final HookPipeline hooks;
  private final ServiceCatalogue services;
  private final ObjectMapper json;

  Warmup(HookPipeline hooks, ServiceCatalogue services, ObjectMapper json) {
    this.hooks = hooks;
    this.services = services;
    this.json = json;
  }

  @Override
  public void run(ApplicationArguments args) {
    long start = System.nanoTime();
    try (InputStream in = getClass().getClassLoader().getResourceAsStream(EXAMPLE)) {
      if (in == null) {
        log.info("warm-up example not packaged; skipping warm-up");
        return;
      }
      JsonNode body = json.readTree(in);
      var service = services.find("metastasectomy-patient-view").orElseThrow();
      for (int i = 0; i < 3; i++) {
        hooks.dryRun(service, HookRequestParser.parse(body, service.hook()), "http://localhost/rules");
      }
      log.info("warm-up done in {} ms", (System.nanoTime() - start) / 1_000_000);
    } catch (Exception e) {
      log.warn("warm-up skipped: {}", e.getClass().getSimpleName());
    }
  }
}
