package org.metastasectomy.cds.fhir;

import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Counts and locations of validation issues for the audit row: severities, FHIRPath locations and HAPI message ids
 * only. No message text (it quotes values) and no resource ids (a Patient's id identifies the patient).
 */
final class InputIssues {
  static final int MAX_LOCATIONS = 10;
  /** HAPI writes a Bundle entry as "Bundle.entry[3].resource/*Observation/the-id*\/": keep the type, drop the id. */
  private static final Pattern RESOURCE_ID = Pattern.compile("/\\*([A-Za-z]+)/[^*]*\\*/");

  private final int resources;
  private int errors;
  private int warnings;
  private final List<String> errorLocations = new ArrayList<>();
  private final List<String> warningLocations = new ArrayList<>();

  InputIssues(int resources) {
    this.resources = resources;
  }

  void add(String key, List<SingleValidationMessage> messages) {
    for (SingleValidationMessage m : messages) {
      if (m.getSeverity() == ResultSeverityEnum.ERROR || m.getSeverity() == ResultSeverityEnum.FATAL) {
        errors++;
        errorLocations.add(describe(key, m));
      } else if (m.getSeverity() == ResultSeverityEnum.WARNING) {
        warnings++;
        warningLocations.add(describe(key, m));
      }
    }
  }

  String summary() {
    StringBuilder out = new StringBuilder("input validation: ")
        .append(errors).append(errors == 1 ? " error, " : " errors, ")
        .append(warnings).append(warnings == 1 ? " warning" : " warnings")
        .append(" in ").append(resources).append(resources == 1 ? " resource" : " resources");
    List<String> shown = new ArrayList<>();
    errorLocations.stream().limit(MAX_LOCATIONS).forEach(l -> shown.add("error " + l));
    warningLocations.stream().limit(MAX_LOCATIONS - shown.size()).forEach(l -> shown.add("warning " + l));
    if (!shown.isEmpty()) {
      out.append("; ").append(String.join("; ", shown));
    }
    int hidden = errors + warnings - shown.size();
    if (hidden > 0) {
      out.append("; and ").append(hidden).append(" more");
    }
    return out.toString();
  }

  private static String describe(String key, SingleValidationMessage m) {
    String location = m.getLocationString() == null ? "" : RESOURCE_ID.matcher(m.getLocationString()).replaceAll("($1)");
    String id = m.getMessageId() == null ? "" : " [" + m.getMessageId() + "]";
    return key + " " + location + id;
  }
}
