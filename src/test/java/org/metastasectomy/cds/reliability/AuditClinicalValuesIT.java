package org.metastasectomy.cds.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/** cds.audit.store-clinical-values=true adds the assessment's candidacy and IMDC group to the audit detail, no more. */
@TestPropertySource(properties = "cds.audit.store-clinical-values=true")
class AuditClinicalValuesIT extends RunningService {
  @Autowired
  JdbcClient jdbc;

  @Autowired
  org.metastasectomy.cds.audit.AuditWriter auditWriter;

  @Test
  void theDetailCarriesTheCandidacyAndImdcGroup() {
    String hookInstance = UUID.randomUUID().toString();

    http.hook(Examples.PATIENT_VIEW, Examples.request(Examples.FAVOURABLE).put("hookInstance", hookInstance));

    auditWriter.flush();
    String detail = jdbc.sql("SELECT detail FROM audit_event WHERE hook_instance = :h").param("h", hookInstance)
        .query(String.class).single();
    assertThat(detail).isEqualTo("prefetch keys patient,conditions,observations,procedures,medications,tumorBoard; "
        + "candidacy FAVOURABLE; IMDC favourable");
  }
}
