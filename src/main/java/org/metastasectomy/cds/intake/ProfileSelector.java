package org.metastasectomy.cds.intake;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.ElementDefinition;
import org.hl7.fhir.r4.model.StructureDefinition;
import org.hl7.fhir.r4.model.ValueSet;

/**
 * Which of our profiles a resource is meant to follow, read from the contract itself: a profile applies when the
 * resource's first-level code (Condition.code, Observation.code, MedicationRequest.medicationCodeableConcept, ...) has
 * a coding in the profile's pattern or in the enumerated ValueSet its binding names. A resource no profile claims by
 * code (a hypertension Condition, a histology Observation) is checked against base R4 only.
 */
public final class ProfileSelector {
  private record Rule(String resourceType, String element, String profile, Set<String> codings) {}

  private final List<Rule> rules;

  private ProfileSelector(List<Rule> rules) {
    this.rules = List.copyOf(rules);
  }

  static ProfileSelector from(List<IBaseResource> artefacts) {
    Map<String, ValueSet> valueSets = new HashMap<>();
    artefacts.stream().filter(ValueSet.class::isInstance).map(ValueSet.class::cast).forEach(v -> valueSets.put(v.getUrl(), v));
    List<Rule> rules = new ArrayList<>();
    for (IBaseResource artefact : artefacts) {
      if (artefact instanceof StructureDefinition sd && sd.getKind() == StructureDefinition.StructureDefinitionKind.RESOURCE) {
        for (ElementDefinition e : sd.getDifferential().getElement()) {
          String element = identifyingElement(sd.getType(), e.getPath());
          if (element == null) {
            continue;
          }
          Set<String> codings = codings(e, valueSets);
          if (!codings.isEmpty()) {
            rules.add(new Rule(sd.getType(), element, sd.getUrl(), codings));
          }
        }
      }
    }
    return new ProfileSelector(rules);
  }

  /** The JSON name of the element that identifies what the resource is about, or null for any other element. */
  private static String identifyingElement(String type, String path) {
    if (path.equals(type + ".code")) {
      return "code";
    }
    if (path.equals(type + ".medication[x]") || path.equals(type + ".medicationCodeableConcept")) {
      return "medicationCodeableConcept";
    }
    return null;
  }

  private static Set<String> codings(ElementDefinition e, Map<String, ValueSet> valueSets) {
    Set<String> out = new HashSet<>();
    if (e.getPattern() instanceof CodeableConcept pattern) {
      pattern.getCoding().forEach(c -> out.add(key(c.getSystem(), c.getCode())));
    }
    if (e.hasBinding() && e.getBinding().hasValueSet()) {
      ValueSet vs = valueSets.get(e.getBinding().getValueSet());
      if (vs != null) {
        vs.getCompose().getInclude().forEach(inc -> inc.getConcept().forEach(c -> out.add(key(inc.getSystem(), c.getCode()))));
      }
    }
    return out;
  }

  /** The canonical URLs of our profiles this resource (FHIR JSON) is meant to follow; usually zero or one. */
  public List<String> profilesFor(JsonNode resource) {
    String type = resource.path("resourceType").asText();
    List<String> out = new ArrayList<>();
    for (Rule rule : rules) {
      if (rule.resourceType().equals(type) && matches(resource.path(rule.element()).path("coding"), rule.codings())) {
        out.add(rule.profile());
      }
    }
    return out;
  }

  private static boolean matches(JsonNode codings, Set<String> wanted) {
    for (JsonNode c : codings) {
      if (wanted.contains(key(c.path("system").asText(), c.path("code").asText()))) {
        return true;
      }
    }
    return false;
  }

  private static String key(String system, String code) {
    return system + "|" + code;
  }
}
