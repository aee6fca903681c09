package org.metastasectomy.cds.hooks;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** An unexpected failure is logged by type and stack frames only: exception messages can quote patient data. */
@ExtendWith(OutputCaptureExtension.class)
class ErrorHandlerLogTest {
  @Test
  void theLogNamesTheFailureButNotItsMessage(CapturedOutput output) {
    Exception e = new IllegalStateException("wrapper for CANARY-PATIENT-7",
        new NumberFormatException("For input string: \"CANARY-HB-13.37\""));

    var response = new ErrorHandler().unexpected(e);

    assertThat(response.getStatusCode().value()).isEqualTo(500);
    assertThat(String.valueOf(response.getBody())).doesNotContain("CANARY");
    assertThat(output.getAll()).contains("java.lang.IllegalStateException", "caused by: java.lang.NumberFormatException",
        "ErrorHandlerLogTest.theLogNamesTheFailureButNotItsMessage");
    assertThat(output.getAll()).doesNotContain("CANARY");
  }
}
