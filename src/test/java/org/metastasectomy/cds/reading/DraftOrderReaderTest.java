package org.metastasectomy.cds.reading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.fhir.context.FhirContext;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Set;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.junit.jupiter.api.Test;
import org.metastasectomy.cds.model.DraftOrder;
import org.metastasectomy.cds.model.DraftOrder.OrderReason;
import org.metastasectomy.cds.model.OrderKind;

/** Which draft orders the order-time rules see, and what the reader says about each. */
class DraftOrderReaderTest {
  private static final FhirContext FHIR = FhirContext.forR4Cached();
  private static final ObjectMapper JSON = new ObjectMapper();
  /** Stands in for the ValueSet's LOINC chest radiograph codes: the reader takes them as configured. */
  private static final String CONFIGURED_LOINC = "loinc-cxr";
  private static final DraftOrderReader READER = new DraftOrderReader(FHIR, JSON, Set.of(CONFIGURED_LOINC));

  private static MedicationRequest medication(String id, CodeableConcept code) {
    MedicationRequest m = new MedicationRequest().setMedication(code);
    m.setId(id);
    return m;
  }

  private static ServiceRequest service(String id, CodeableConcept code) {
    ServiceRequest s = new ServiceRequest().setCode(code);
    s.setId(id);
    return s;
  }

  private static CodeableConcept coding(String system, String code, String display) {
    return new CodeableConcept().addCoding(new Coding(system, code, display));
  }

  private static List<DraftOrder> read(Resource... resources) {
    Bundle b = new Bundle();
    for (Resource r : resources) {
      b.addEntry().setResource(r);
    }
    return READER.read(b, List.of());
  }

  private static DraftOrder only(Resource r) {
    List<DraftOrder> orders = read(r);
    assertThat(orders).hasSize(1);
    return orders.get(0);
  }

  @Test
  void anRccAgentByRxNormIsSystemicTherapyWithItsAgentAndDisplay() {
    DraftOrder o = only(medication("m1", coding(Codes.RXNORM, "357977", "Sunitinib 50 mg")));
    assertThat(o.reference()).isEqualTo("MedicationRequest/m1");
    assertThat(o.kinds()).containsExactly(OrderKind.SYSTEMIC_THERAPY);
    assertThat(o.agent()).isEqualTo("sunitinib");
    assertThat(o.display()).isEqualTo("Sunitinib 50 mg");
    assertThat(o.renewal()).isFalse();
    assertThat(o.reason()).isEqualTo(OrderReason.NONE);
    assertThat(o.reasonReferences()).isEmpty();
  }

  @Test
  void anAdjuvantTrialAgentByNameIsBothKindsAndARenewalSaysSo() {
    MedicationRequest m = medication("m2", new CodeableConcept().setText("Pazopanib 800 mg tablet"));
    m.setPriorPrescription(new Reference("MedicationRequest/earlier"));
    DraftOrder o = only(m);
    assertThat(o.kinds()).containsExactlyInAnyOrder(OrderKind.SYSTEMIC_THERAPY, OrderKind.ADJUVANT_TRIAL_AGENT);
    assertThat(o.agent()).isEqualTo("pazopanib");
    assertThat(o.display()).isEqualTo("Pazopanib 800 mg tablet");
    assertThat(o.renewal()).isTrue();
  }

  @Test
  void ordersNoRuleCaresAboutAreLeftOut() {
    assertThat(read(
        medication("metformin", coding(Codes.RXNORM, "6809", "Metformin")),
        new MedicationRequest(),
        service("ct", new CodeableConcept().setText("CT chest with contrast")),
        service("cpt-other", coding(Codes.CPT, "71250", null)),
        service("loinc-other", coding(Codes.LOINC, "24627-2", null)),
        service("snomed-cxr-code-wrong-system", coding(Codes.SNOMED, "71046", null)),
        service("cpt-nephrectomy-code-wrong-system", coding(Codes.CPT, "116033007", null)))).isEmpty();
  }

  @Test
  void aChestRadiographIsRecognisedByCptConfiguredLoincOrText() {
    for (ServiceRequest s : List.of(
        service("cpt", coding(Codes.CPT, "71046", null)),
        service("cpt4", coding(Codes.CPT, "71048", null)),
        service("loinc", coding(Codes.LOINC, CONFIGURED_LOINC, null)),
        service("text", new CodeableConcept().setText("CXR PA and lateral")),
        service("display", coding("urn:local", "x", "XR chest 2 views")))) {
      assertThat(only(s).kinds()).as(s.getIdElement().getIdPart()).containsExactly(OrderKind.CHEST_RADIOGRAPH);
    }
  }

  @Test
  void aNephrectomyIsRecognisedBySnomedOrText() {
    assertThat(only(service("sn", coding(Codes.SNOMED, "116033007", null))).kinds()).containsExactly(OrderKind.NEPHRECTOMY);
    DraftOrder byText = only(service("tx", new CodeableConcept().setText("Radical Nephrectomy, left")));
    assertThat(byText.kinds()).containsExactly(OrderKind.NEPHRECTOMY);
    assertThat(byText.agent()).isNull();
    assertThat(byText.renewal()).isFalse();
  }

  @Test
  void theReasonIsRccOnlyWhenAReasonCodeNamesIt() {
    ServiceRequest icd = service("a", coding(Codes.CPT, "71046", null));
    icd.addReasonCode(coding(Codes.ICD10CM, "C64.1", null));
    assertThat(only(icd).reason()).isEqualTo(OrderReason.RCC);

    MedicationRequest snomed = medication("b", coding(Codes.RXNORM, "357977", null));
    snomed.addReasonCode(new CodeableConcept().addCoding(new Coding(Codes.SNOMED, null, "no code"))
        .addCoding(new Coding(Codes.SNOMED, "702391001", null)));
    assertThat(only(snomed).reason()).isEqualTo(OrderReason.RCC);

    ServiceRequest other = service("c", coding(Codes.CPT, "71046", null));
    other.addReasonCode(coding(Codes.ICD10CM, "C34.90", null));
    other.addReasonCode(coding(Codes.SNOMED, "C64", null));
    other.addReasonCode(coding(Codes.ICD10CM, "702391001", null));
    assertThat(only(other).reason()).isEqualTo(OrderReason.OTHER);
  }

  @Test
  void onlyAReasonReferenceIsOtherAndIsKeptForTheRule() {
    MedicationRequest m = medication("m", coding(Codes.RXNORM, "357977", null));
    m.addReasonReference(new Reference("Condition/rcc"));
    m.addReasonReference(new Reference(" "));
    m.addReasonReference(new Reference());
    DraftOrder o = only(m);
    assertThat(o.reason()).isEqualTo(OrderReason.OTHER);
    assertThat(o.reasonReferences()).containsExactly("Condition/rcc");

    ServiceRequest s = service("s", coding(Codes.CPT, "71046", null));
    s.addReasonReference(new Reference("Condition/x"));
    assertThat(only(s).reasonReferences()).containsExactly("Condition/x");
    assertThat(only(s).reason()).isEqualTo(OrderReason.OTHER);
  }

  @Test
  void theDisplayFallsBackToTheFirstCodingDisplayThenTheResourceType() {
    CodeableConcept code = new CodeableConcept().addCoding(new Coding(Codes.CPT, "71045", " "))
        .addCoding(new Coding(Codes.CPT, "71046", "Chest X-ray 2 views"));
    assertThat(only(service("s", code)).display()).isEqualTo("Chest X-ray 2 views");
    assertThat(only(service("t", coding(Codes.CPT, "71046", null))).display()).isEqualTo("ServiceRequest");
  }

  @Test
  void onOrderSelectOnlyTheSelectedOrdersAreRead() throws Exception {
    ObjectNode context = (ObjectNode) JSON.readTree("""
        {"selections": ["ServiceRequest/cxr"],
         "draftOrders": {"resourceType": "Bundle", "type": "collection", "entry": [
           {"resource": {"resourceType": "ServiceRequest", "id": "cxr", "status": "draft", "intent": "order",
             "code": {"coding": [{"system": "http://www.ama-assn.org/go/cpt", "code": "71046"}]}}},
           {"resource": {"resourceType": "ServiceRequest", "id": "neph", "status": "draft", "intent": "order",
             "code": {"text": "nephrectomy"}}}]}}""");
    assertThat(READER.read(context)).extracting(DraftOrder::reference).containsExactly("ServiceRequest/cxr");
    context.remove("selections");
    assertThat(READER.read(context)).extracting(DraftOrder::reference)
        .containsExactly("ServiceRequest/cxr", "ServiceRequest/neph");
  }

  @Test
  void draftOrdersThatAreNotABundleAreA400NamingTheField() throws Exception {
    for (String bad : List.of("{\"draftOrders\": \"text\"}", "{\"draftOrders\": {\"resourceType\": \"Patient\"}}",
        "{\"draftOrders\": [1]}")) {
      assertThatThrownBy(() -> READER.read(JSON.readTree(bad))).as(bad)
          .isInstanceOfSatisfying(InvalidFhirInputException.class,
              e -> {
                assertThat(e.field()).isEqualTo("context.draftOrders");
                assertThat(e.getMessage()).startsWith("context.draftOrders is not a FHIR R4 Bundle");
              });
    }
  }
}
