package org.metastasectomy.cds.intake;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class InputIssuesTest {
  @Test
  void errorsAreLocatedWithoutResourceIdsAndWarningsAreCountedByKind() {
    InputIssues issues = new InputIssues(3);
    issues.add("observations", List.of(
        message(ResultSeverityEnum.ERROR, "Bundle.entry[2].resource/*Observation/kps-of-jane-doe*/.value.ofType(integer)",
            "Type_Specific_Checks_DT_Integer_GT", "integer value 150 is greater than 100"),
        message(ResultSeverityEnum.WARNING, "Bundle.entry[0].resource/*Observation/x*/", "http://hl7.org/fhir/StructureDefinition/DomainResource#dom-6", "narrative"),
        message(ResultSeverityEnum.WARNING, "Bundle.entry[1].resource/*Observation/y*/", "http://hl7.org/fhir/StructureDefinition/DomainResource#dom-6", "narrative"),
        message(ResultSeverityEnum.WARNING, "Bundle.entry[1].resource/*Observation/y*/.code", "Terminology_PassThrough_TX_Message", "LOINC unknown"),
        message(ResultSeverityEnum.INFORMATION, "Bundle", "x", "info")));

    assertThat(issues.summary()).isEqualTo("input validation: 1 error, 3 warnings in 3 resources; errors: observations "
        + "Bundle.entry[2].resource(Observation).value.ofType(integer) [Type_Specific_Checks_DT_Integer_GT]; "
        + "warnings: dom-6 x2, Terminology_PassThrough_TX_Message x1");
  }

  @Test
  void manyErrorsAreCappedAndCounted() {
    InputIssues issues = new InputIssues(20);
    List<SingleValidationMessage> many = new ArrayList<>();
    for (int i = 0; i < InputIssues.MAX_ERRORS + 3; i++) {
      many.add(message(ResultSeverityEnum.ERROR, "Bundle.entry[" + i + "].resource/*Condition/c" + i + "*/", "E", "m"));
    }
    issues.add("conditions", many);
    assertThat(issues.summary()).startsWith("input validation: 13 errors, 0 warnings in 20 resources; errors: ")
        .endsWith("; and 3 more").doesNotContain("Bundle.entry[10]");
  }

  private static SingleValidationMessage message(ResultSeverityEnum severity, String location, String id, String text) {
    SingleValidationMessage m = new SingleValidationMessage();
    m.setSeverity(severity);
    m.setLocationString(location);
    m.setMessageId(id);
    m.setMessage(text);
    return m;
  }
}
