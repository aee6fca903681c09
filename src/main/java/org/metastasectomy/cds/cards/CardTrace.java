package org.metastasectomy.cds.cards;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collection;
import java.util.List;
import org.metastasectomy.cds.model.Assessment;
import org.metastasectomy.cds.model.Datum;
import org.metastasectomy.cds.model.FactorResult;
import org.metastasectomy.cds.model.Reason;
import org.metastasectomy.cds.model.RiskResult;
import org.metastasectomy.cds.model.RuleResult;

/**
 * The card's trace for auditors, as a CDS Hooks {@code extension}: every rule and factor with its status, each datum
 * with value, unit, date and the FHIR resources it came from, the citations, and the reason when unknown. The
 * clinician's text never shows FHIR ids; this is where an auditor finds them (issue 12 item 3).
 */
final class CardTrace {
  /** The extension's key: namespaced, as the CDS Hooks specification asks of extensions. */
  static final String KEY = "org.metastasectomy.cds.trace";
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private CardTrace() {}

  static JsonNode of(Assessment a) {
    ObjectNode trace = JSON.objectNode();
    trace.put("modelVersion", a.modelVersion());
    trace.put("category", a.candidacy().name());
    strings(trace, "reachableCategories", a.reachableCandidacies().stream().map(Enum::name).toList());
    ArrayNode rules = trace.putArray("rules");
    for (RuleResult r : a.rules()) {
      ObjectNode rule = result(r.result());
      rule.put("direction", r.rule().direction().name());
      rules.add(rule);
    }
    trace.set("imdc", risk(a.imdc()));
    trace.set("mskcc", risk(a.mskcc()));
    strings(trace, "notFetched", a.features().notFetched().stream().map(Reason.NotFetched::data).toList());
    if (!a.features().ignored().isEmpty()) { // the spec's validator wants an empty member omitted
      ArrayNode ignored = trace.putArray("ignoredFutureDated");
      a.features().ignored().forEach(f -> ignored.addObject().put("source", f.source()).put("date", String.valueOf(f.date())));
    }
    return wrap(trace);
  }

  /** The trace of an order-time card: the rule's result. */
  static JsonNode of(FactorResult orderRule, String modelVersion) {
    ObjectNode trace = JSON.objectNode();
    trace.put("modelVersion", modelVersion);
    trace.set("rule", result(orderRule));
    return wrap(trace);
  }

  private static JsonNode wrap(ObjectNode trace) {
    ObjectNode ext = JSON.objectNode();
    ext.set(KEY, trace);
    return ext;
  }

  private static ObjectNode risk(RiskResult r) {
    ObjectNode node = JSON.objectNode();
    node.put("model", r.model().name());
    node.put("minScore", r.minScore());
    node.put("maxScore", r.maxScore());
    ArrayNode groups = node.putArray("groups");
    r.groups().forEach(g -> groups.add(g.name()));
    ArrayNode factors = node.putArray("factors");
    r.factors().forEach(f -> factors.add(result(f)));
    return node;
  }

  static ObjectNode result(FactorResult f) {
    ObjectNode node = JSON.objectNode();
    node.put("id", f.id().name());
    node.put("status", f.status().name());
    strings(node, "sources", f.sources());
    strings(node, "citations", f.citations());
    if (f.reason() != null) {
      node.put("reason", reason(f.reason()));
    }
    ArrayNode data = node.putArray("data");
    f.data().forEach(d -> data.add(datum(d)));
    return node;
  }

  private static ObjectNode datum(Datum d) {
    ObjectNode node = JSON.objectNode();
    node.put("what", d.what().label());
    if (d.known()) {
      node.put("value", value(d.value()));
      if (d.unit() != null) {
        node.put("unit", d.unit());
      }
      if (d.date() != null) {
        node.put("date", d.date().toString());
      }
      strings(node, "sources", d.sources());
    } else {
      node.put("missing", reason(d.missing()));
    }
    return node;
  }

  private static String value(Object v) {
    if (v instanceof Collection<?> c) {
      if (c.isEmpty()) {
        return "none";
      }
      return String.join(", ", c.stream().map(e -> e instanceof RuleResult r ? r.rule().id().name() : String.valueOf(e)).toList());
    }
    if (v instanceof RiskResult r) {
      return r.model().name() + " " + r.minScore() + "–" + r.maxScore();
    }
    return String.valueOf(v);
  }

  /** The reason as its type and fields, e.g. "OutsideLookback(last=…, lookbackDays=90)". */
  private static String reason(Reason why) {
    return why.toString();
  }

  /** An array of strings, left out when empty (CDS Hooks JSON omits empty fields). */
  private static void strings(ObjectNode node, String field, List<String> values) {
    if (!values.isEmpty()) {
      ArrayNode array = node.putArray(field);
      values.forEach(array::add);
    }
  }
}
