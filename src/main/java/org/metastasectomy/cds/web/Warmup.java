package org.metastasectomy.cds.web;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.util.XmlUtil;
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
 * model, cards) and initialises HAPI's REST client, so the first EHR request does not pay for class loading and JIT:
 * a cold first fallback fetch otherwise exceeds the fetch deadline.
 */
@Component
class Warmup implements ApplicationRunner {
  private static final Logger log = LoggerFactory.getLogger(Warmup.class);
  static final String EXAMPLE = "cds-hooks/examples/solitary-lung-favourable/request.json";

  private final HookService hooks;
  private final ServiceCatalogue services;
  private final ObjectMapper json;
  private final FhirContext fhir;

  Warmup(HookService hooks, ServiceCatalogue services, ObjectMapper json, FhirContext fhir) {
    this.hooks = hooks;
    this.services = services;
    this.json = json;
    this.fhir = fhir;
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
      fhir.newRestfulGenericClient("http://localhost/warmup");
      XmlUtil.createXmlReader(new java.io.StringReader("<warmup/>"));
      log.info("warm-up done in {} ms", (System.nanoTime() - start) / 1_000_000);
    } catch (Exception e) {
      log.warn("warm-up skipped: {}", e.getClass().getSimpleName());
    }
  }
}
