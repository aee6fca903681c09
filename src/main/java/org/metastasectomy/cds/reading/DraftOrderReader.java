package org.metastasectomy.cds.reading;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.parser.LenientErrorHandler;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.metastasectomy.cds.model.DraftOrder;
import org.metastasectomy.cds.model.OrderKind;

/** Classifies the draft orders of order-select / order-sign for the order-time rules. */
public final class DraftOrderReader {
  /** Chest radiograph by CPT 71045–71048 (1 to 4+ views) or by the order text. */
  private static final Set<String> CHEST_RADIOGRAPH_CPT = Lookup.set("71045", "71046", "71047", "71048");
  private static final Pattern CHEST_RADIOGRAPH_TEXT =
      Pattern.compile("(?i)\\b(chest x-?ray|cxr|chest radiograph\\w*|xr chest|x-ray chest|radiograph chest)\\b");
  private static final Pattern NEPHRECTOMY_TEXT = Pattern.compile("(?i)\\bnephrectomy\\b");
  private static final String DRAFT_ORDERS = "context.draftOrders";

  private final FhirContext fhir;
  private final ObjectMapper json;
  private final Set<String> chestRadiographLoinc;

  /** @param chestRadiographLoinc LOINC order codes for a chest radiograph (from fhir-profiles ValueSet) */
  public DraftOrderReader(FhirContext fhir, ObjectMapper json, Set<String> chestRadiographLoinc) {
    this.fhir = fhir;
    this.json = json;
    this.chestRadiographLoinc = Lookup.copyOf(chestRadiographLoinc);
  }

  /**
   * The orders of a hook context (context.draftOrders, and context.selections on order-select) that a rule cares about.
   *
   * @throws InvalidFhirInputException when draftOrders is not a FHIR R4 Bundle that can be read (HTTP 400)
   */
  public List<DraftOrder> read(JsonNode context) {
    List<String> selections = new ArrayList<>();
    context.path("selections").forEach(s -> selections.add(s.asText()));
    Bundle bundle;
    try {
      bundle = fhir.newJsonParser().setParserErrorHandler(new LenientErrorHandler(false))
          .parseResource(Bundle.class, json.writeValueAsString(context.get("draftOrders")));
    } catch (DataFormatException | JsonProcessingException e) {
      throw new InvalidFhirInputException(DRAFT_ORDERS, DRAFT_ORDERS + " is not a FHIR R4 Bundle");
    } catch (RuntimeException e) {
      // HAPI's lenient parser can fail in other ways on hostile input; any failure here is the request's fault.
      throw new InvalidFhirInputException(DRAFT_ORDERS, DRAFT_ORDERS + " is not a FHIR R4 Bundle that can be read");
    }
    return read(bundle, selections);
  }

  /** @param selections when non-empty (order-select), only the selected orders are read */
  public List<DraftOrder> read(Bundle draftOrders, List<String> selections) {
    List<DraftOrder> out = new ArrayList<>();
    for (Bundle.BundleEntryComponent e : draftOrders.getEntry()) {
      Resource r = e.getResource();
      if (r == null) {
        continue;
      }
      String reference = ConditionReader.ref(r);
      if (!selections.isEmpty() && !selections.contains(reference)) {
        continue;
      }
      classify(r).ifPresent(kinds -> out.add(new DraftOrder(reference, display(r), kinds, agent(r),
          r instanceof MedicationRequest m && m.hasPriorPrescription(), reason(r), reasonReferences(r))));
    }
    return out;
  }

  private Optional<Set<OrderKind>> classify(Resource r) {
    Set<OrderKind> kinds = EnumSet.noneOf(OrderKind.class);
    if (r instanceof MedicationRequest m && m.hasMedicationCodeableConcept()) {
      TherapyReader.agent(m.getMedicationCodeableConcept()).ifPresent(agent -> {
        kinds.add(OrderKind.SYSTEMIC_THERAPY);
        if (Codes.ADJUVANT_TRIAL_AGENTS.contains(agent)) {
          kinds.add(OrderKind.ADJUVANT_TRIAL_AGENT);
        }
      });
    }
    if (r instanceof ServiceRequest s) {
      CodeableConcept code = s.getCode();
      if (isChestRadiograph(code)) {
        kinds.add(OrderKind.CHEST_RADIOGRAPH);
      }
      if (TherapyReader.hasSnomed(code, Codes.NEPHRECTOMY_SNOMED) || NEPHRECTOMY_TEXT.matcher(text(code)).find()) {
        kinds.add(OrderKind.NEPHRECTOMY);
      }
    }
    return kinds.isEmpty() ? Optional.empty() : Optional.of(kinds);
  }

  private static String agent(Resource r) {
    return r instanceof MedicationRequest m && m.hasMedicationCodeableConcept()
        ? TherapyReader.agent(m.getMedicationCodeableConcept()).orElse(null) : null;
  }

  /** RCC when a reasonCode names it (ICD-10 C64, SNOMED RCC); NONE with no reason at all; otherwise OTHER. */
  private static DraftOrder.OrderReason reason(Resource r) {
    List<CodeableConcept> codes = r instanceof ServiceRequest s ? s.getReasonCode()
        : r instanceof MedicationRequest m ? m.getReasonCode() : List.of();
    if (codes.stream().anyMatch(DraftOrderReader::namesRcc)) {
      return DraftOrder.OrderReason.RCC;
    }
    return codes.isEmpty() && reasonReferences(r).isEmpty() ? DraftOrder.OrderReason.NONE : DraftOrder.OrderReason.OTHER;
  }

  private static boolean namesRcc(CodeableConcept cc) {
    return cc.getCoding().stream().anyMatch(c -> c.getCode() != null
        && (Codes.ICD10CM.equals(c.getSystem()) && c.getCode().startsWith("C64")
            || Codes.SNOMED.equals(c.getSystem()) && Codes.RCC_SNOMED.contains(c.getCode())));
  }

  private static List<String> reasonReferences(Resource r) {
    List<org.hl7.fhir.r4.model.Reference> refs = r instanceof ServiceRequest s ? s.getReasonReference()
        : r instanceof MedicationRequest m ? m.getReasonReference() : List.of();
    return refs.stream().map(org.hl7.fhir.r4.model.Reference::getReference).filter(x -> x != null && !x.isBlank()).toList();
  }

  private boolean isChestRadiograph(CodeableConcept code) {
    for (Coding c : code.getCoding()) {
      if (Codes.CPT.equals(c.getSystem()) && CHEST_RADIOGRAPH_CPT.contains(c.getCode())) {
        return true;
      }
      if (Codes.LOINC.equals(c.getSystem()) && chestRadiographLoinc.contains(c.getCode())) {
        return true;
      }
    }
    return CHEST_RADIOGRAPH_TEXT.matcher(text(code)).find();
  }

  private static String text(CodeableConcept code) {
    StringBuilder sb = new StringBuilder(code.hasText() ? code.getText() : "");
    code.getCoding().forEach(c -> sb.append(' ').append(c.hasDisplay() ? c.getDisplay() : ""));
    return sb.toString().toLowerCase(Locale.ROOT);
  }

  private static String display(Resource r) {
    CodeableConcept code = r instanceof MedicationRequest m ? m.getMedicationCodeableConcept()
        : r instanceof ServiceRequest s ? s.getCode() : new CodeableConcept();
    if (code.hasText()) {
      return code.getText();
    }
    return code.getCoding().stream().map(Coding::getDisplay).filter(d -> d != null && !d.isBlank()).findFirst()
        .orElse(r.getResourceType().name());
  }
}
