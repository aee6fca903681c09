package org.metastasectomy.cds;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.util.ResourceUtil;
import org.apache.commons.lang3.ObjectUtils;
import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.api.Test;

/**
 * HAPI FHIR 8.8.0 is built against commons-lang3 3.18 (ObjectUtils.getIfNull, the Strings class); Spring Boot's
 * dependency management would give the service 3.17, where those calls fail at run time with NoSuchMethodError (as HAPI
 * JPA searches did in fhir-test-server). The root pom pins 3.18.0; this fails if the pin goes.
 */
class HapiDependenciesTest {

  @Test
  void commonsLang3HasTheApiHapiIsBuiltAgainst() throws Exception {
    assertThat(ObjectUtils.class.getMethod("getIfNull", Object.class, Object.class)).isNotNull();
    assertThat(Class.forName("org.apache.commons.lang3.Strings")).isNotNull();
  }

  /** A HAPI path that calls the 3.18 API (Strings.CI in ResourceUtil's merge) runs. */
  @Test
  void hapisMergeOfTwoResourcesRuns() {
    Patient from = new Patient();
    from.addName().setFamily("Example");
    Patient to = new Patient();

    ResourceUtil.mergeField(ca.uhn.fhir.context.FhirContext.forR4Cached(), "name", from, to);

    assertThat(to.getNameFirstRep().getFamily()).isEqualTo("Example");
  }
}
