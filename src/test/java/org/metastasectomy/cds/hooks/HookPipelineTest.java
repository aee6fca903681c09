package org.metastasectomy.cds.hooks;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.metastasectomy.cds.audit.HookAudit;
import org.metastasectomy.cds.knowledge.ServiceCatalogue;

/** The handler of a call is chosen by its service's hook; a service whose hook no handler answers stops the start. */
class HookPipelineTest {
  private static final ServiceCatalogue SERVICES = ServiceCatalogue.loadFromClasspath();
  private static final HookAudit AUDIT = new HookAudit(null, null, "test", false);

  @Test
  void everyServiceOfTheCatalogueHasItsHandler() {
    assertThatCode(() -> new HookPipeline(List.of(new PatientViewHandler(null, null, null), new OrderHandler(null, null, null, null)),
        SERVICES, AUDIT, new SimpleMeterRegistry())).doesNotThrowAnyException();
  }

  @Test
  void aServiceWhoseHookNoHandlerAnswersStopsTheStart() {
    assertThatThrownBy(() -> new HookPipeline(List.of(new PatientViewHandler(null, null, null)), SERVICES, AUDIT,
        new SimpleMeterRegistry()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("no handler answers the 'order-s");
  }
}
