package org.metastasectomy.cds.intake;

import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Validation issues summarised for the audit row: the location of each error (up to {@link #MAX_ERRORS}) and the
 * warnings counted by kind. Severities, FHIRPath locations and HAPI message ids only: no message text (it quotes
 * values) and no resource ids (a Patient's id identifies the patient).
 */
final class InputIssues {
  static final int MAX_ERRORS = 10;
  static final int MAX_WARNING_KINDS = 5;
  /** HAPI writes a Bundle entry as "Bundle.entry[3].resource/*Observation/the-id*\/": keep the type, drop the id. */
  private static final Pattern RESOURCE_ID = Pattern.compile("/\\*([A-Za-z]+)/[^*]*\\*/");

  private final int resources;
  private final List<String> errors = new ArrayList<>();
  private final Map<String, Integer> warningsByKind = new LinkedHashMap<>();
  private int warnings;

  InputIssues(int resources) {
    this.resources = resources;
  }

  void add(String key, List<SingleValidationMessage> messages) {
    for (SingleValidationMessage m : messages) {
      if (m.getSeverity() == ResultSeverityEnum.ERROR || m.getSeverity() == ResultSeverityEnum.FATAL) {
        errors.add(key + " " + location(m) + " [" + kind(m) + "]");
      } else if (m.getSeverity() == ResultSeverityEnum.WARNING) {
        warnings++;
        warningsByKind.merge(kind(m), 1, Integer::sum);
      }
    }
  }

  String summary() {
    StringBuilder out = new StringBuilder("input validation: ")
        .append(plural(errors.size(), "error")).append(", ").append(plural(warnings, "warning"))
        .append(" in ").append(plural(resources, "resource"));
    if (!errors.isEmpty()) {
      out.append("; errors: ").append(String.join("; ", errors.subList(0, Math.min(MAX_ERRORS, errors.size()))));
      if (errors.size() > MAX_ERRORS) {
        out.append("; and ").append(errors.size() - MAX_ERRORS).append(" more");
      }
    }
    if (!warningsByKind.isEmpty()) {
      out.append("; warnings: ").append(warningsByKind.entrySet().stream()
          .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
          .limit(MAX_WARNING_KINDS)
          .map(e -> e.getKey() + " x" + e.getValue())
          .collect(Collectors.joining(", ")));
    }
    return out.toString();
  }

  private static String location(SingleValidationMessage m) {
    return m.getLocationString() == null ? "" : RESOURCE_ID.matcher(m.getLocationString()).replaceAll("($1)");
  }

  private static String kind(SingleValidationMessage m) {
    String id = m.getMessageId() == null ? "unspecified" : m.getMessageId();
    // constraint ids come as the defining profile's URL#key: the key is enough
    return id.contains("#") ? id.substring(id.indexOf('#') + 1) : id;
  }

  private static String plural(int n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }
}
