package org.metastasectomy.cds.reading;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.metastasectomy.cds.model.Lab;
import org.metastasectomy.cds.model.RuleId;

/**
 * The model's inputs as the mapper reads them from FHIR R4: which resource and element, which codes (taken from
 * {@link Codes}, so the published table cannot drift from the code), how the value is derived, and which rules use it.
 * Shown on the transparency page; a test checks that every rule, risk factor and order rule of the knowledge is listed.
 */
public final class InputMapping {
  private InputMapping() {}

  /**
   * @param id stable name of the input (used by the page to refer to it)
   * @param fhir the FHIR resource and element read
   * @param codes the accepted codes, by system
   * @param howRead how the value is derived and which records are ignored
   * @param usedBy the rules, IMDC/MSKCC factors and order-time rules that read it
   */
  public record Input(String id, String name, String fhir, String codes, String howRead, List<RuleId> usedBy) {
    public Input {
      usedBy = List.copyOf(usedBy);
    }
  }

  public static final String BIRTH_DATE = "birth-date";
  public static final String SEX = "sex";
  public static final String ECOG = "ecog";
  public static final String KARNOFSKY = "karnofsky";

  private static final Map<Lab, List<RuleId>> LAB_USES = Map.of(
      Lab.HAEMOGLOBIN, List.of(RuleId.HB_LT_LLN),
      Lab.CALCIUM, List.of(RuleId.CORR_CA_GT_ULN, RuleId.CORR_CA_GT_10),
      Lab.ALBUMIN, List.of(RuleId.CORR_CA_GT_ULN, RuleId.CORR_CA_GT_10),
      Lab.NEUTROPHILS, List.of(RuleId.NEUTROPHILS_GT_ULN),
      Lab.PLATELETS, List.of(RuleId.PLATELETS_GT_ULN),
      Lab.LDH, List.of(RuleId.LDH_GT_1_5_ULN),
      Lab.ALKALINE_PHOSPHATASE, List.of(RuleId.BONE_ALP_GT_1_5_ULN),
      Lab.CRP, List.of(RuleId.BONE_CRP_GT_3));

  public static List<Input> inputs() {
    List<Input> inputs = new ArrayList<>(List.of(
        new Input("primary", "Renal cell carcinoma (primary)", "Condition.code; mCODE histology-morphology-behavior extension",
            "ICD-10-CM C64.*; SNOMED CT " + sorted(Codes.RCC_SNOMED) + "; or ICD-O-3 morphology " + sorted(Codes.RCC_MORPHOLOGY),
            "Decides whether the service applies at all (every rule needs it). Entered-in-error and refuted Conditions are ignored; with several, the earliest diagnosis is used.",
            List.of()),
        new Input("diagnosis-date", "Date of diagnosis", "Condition.onset[x] of the primary, else Condition.recordedDate", "—",
            "Start of the disease-free interval when no nephrectomy is recorded; start of the time to systemic treatment; synchronous or metachronous.",
            List.of(RuleId.DFI_LE_12, RuleId.LUNG_DFI_GT_23, RuleId.LIVER_METACHRONOUS, RuleId.LIVER_SYNCHRONOUS,
                RuleId.DIAG_TO_TREAT_LT_1Y, RuleId.CYTOREDUCTIVE_NEPHRECTOMY)),
        new Input("histology", "Histology", "mCODE histology-morphology-behavior extension on the primary, else Observation.value[x]",
            "ICD-O-3 (" + Codes.ICDO3 + "); Observation LOINC " + sorted(Codes.HISTOLOGY_OBSERVATION),
            "8318/3 is read as sarcomatoid; RCC, NOS leaves the histology rules unknown.",
            List.of(RuleId.NON_CLEAR_CELL, RuleId.SARCOMATOID, RuleId.BONE_CLEAR_CELL)),
        new Input("metastases", "Metastases by site", "Condition.code, Condition.bodySite, Condition.clinicalStatus, Condition.onset[x]",
            "ICD-10-CM C77.*, C78.*, C79.*; SNOMED CT " + sorted(Codes.METASTASIS_SNOMED.keySet()) + "; or "
                + Codes.SECONDARY_NEOPLASM_SNOMED + " with bodySite " + sorted(Codes.BODY_SITE_SNOMED.keySet()),
            "One Condition per site. Inactive, resolved or remission Conditions are not current; the earliest onset is the first metastasis.",
            List.of(RuleId.SOLITARY, RuleId.SINGLE_ORGAN, RuleId.MULTI_ORGAN, RuleId.BRAIN_METASTASIS, RuleId.NON_PULMONARY,
                RuleId.BONE_NON_BONE_METASTASES, RuleId.BONE_ONLY, RuleId.LIVER_METACHRONOUS, RuleId.LIVER_SYNCHRONOUS,
                RuleId.DFI_LE_12, RuleId.LUNG_DFI_GT_23, RuleId.CYTOREDUCTIVE_NEPHRECTOMY)),
        new Input("lesion-count", "Number of lesions at a site", "Condition.extension (metastasis-lesion-count).valueInteger",
            Codes.LESION_COUNT_EXTENSION, "Recorded by the clinician; absent means unknown, never one.",
            List.of(RuleId.SOLITARY, RuleId.LUNG_FEWER_THAN_7)),
        new Input("grade", "Fuhrman/ISUP grade", "Observation.value[x]", "NCIt " + Codes.GRADE_NCIT,
            "The latest result; no look-back (it describes the tumour at diagnosis).", List.of(RuleId.HIGH_GRADE)),
        new Input("t-category", "Primary tumour T category", "Observation.value[x]", "LOINC " + sorted(Codes.T_CATEGORY),
            "The latest result, clinical or pathological.", List.of(RuleId.T_STAGE_GE_3, RuleId.CHEST_RADIOGRAPH_STAGING)),
        new Input("n-category", "Regional nodes N category", "Observation.value[x]", "LOINC " + sorted(Codes.N_CATEGORY),
            "The latest result, clinical or pathological.", List.of(RuleId.NODE_POSITIVE)),
        new Input("m-category", "Distant metastasis M category", "Observation.value[x]", "LOINC " + sorted(Codes.M_CATEGORY),
            "M1 makes the disease metastatic even when no metastasis Condition is recorded.", List.of()),
        new Input("nephrectomy", "Nephrectomy", "Procedure.code, Procedure.performed[x] (status completed)",
            "SNOMED CT " + sorted(Codes.NEPHRECTOMY_SNOMED), "The earliest completed nephrectomy starts the disease-free interval.",
            List.of(RuleId.DFI_LE_12, RuleId.LUNG_DFI_GT_23)),
        new Input("metastasectomy", "Metastasectomy", "Procedure.code or Procedure.reasonReference, Procedure.performed[x]",
            "SNOMED CT " + sorted(Codes.METASTASECTOMY_SNOMED) + ", or any completed surgery whose reason is a metastasis Condition",
            "Dated on or before today (undated: completeness not established). Procedure.outcome reading R1, R2, incomplete or residual tumour (code, display or text) records the resection as incomplete.",
            List.of(RuleId.ADJUVANT_AFTER_METASTASECTOMY, RuleId.ADJUVANT_NED_UNCONFIRMED)),
        new Input(BIRTH_DATE, "Date of birth", "Patient.birthDate", "—", "Age in completed years on the assessment date.",
            List.of(RuleId.AGE_GT_65, RuleId.LUNG_AGE_GT_70)),
        new Input(SEX, "Sex", "Patient.gender", "—",
            "Read, but used by no rule. Its only use: picking a hospital-configured laboratory reference range when a result carries none (none is configured by default).",
            List.of()),
        new Input(ECOG, "ECOG performance status", "Observation.value[x]", "LOINC " + Codes.ECOG,
            "The latest result within the look-back.", List.of(RuleId.LIVER_ECOG_GT_0)),
        new Input(KARNOFSKY, "Karnofsky performance status", "Observation.value[x]", "LOINC " + Codes.KARNOFSKY,
            "The latest result within the look-back. ECOG is not converted to Karnofsky.", List.of(RuleId.KPS_LT_80))));
    for (Lab lab : Lab.values()) {
      inputs.add(new Input("lab-" + lab.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'), capitalised(lab.label()),
          "Observation.valueQuantity (UCUM), Observation.referenceRange", "LOINC " + loinc(lab),
          labHowRead(lab), LAB_USES.getOrDefault(lab, List.of())));
    }
    inputs.add(new Input("systemic-therapy", "Start of systemic therapy",
        "MedicationRequest (active, completed, on-hold, stopped) authoredOn; MedicationAdministration effective[x]",
        "RxNorm " + sorted(Codes.RCC_AGENTS_RXNORM.keySet()) + "; or the ingredient name (" + sorted(Codes.RCC_AGENT_NAMES) + ")",
        "Therapy for metastatic disease: the earliest start on or after the first metastasis (any start when M1 at diagnosis); adjuvant or neoadjuvant therapy before it does not count. Not yet treated for metastatic disease, time to treatment runs to the assessment date; an undated therapy, or a therapy with the first metastasis undated, leaves it unknown.",
        List.of(RuleId.DIAG_TO_TREAT_LT_1Y, RuleId.SYSTEMIC_BEFORE_TUMOUR_BOARD)));
    inputs.add(new Input("tumour-board", "Documented tumour board review", "ServiceRequest.authoredOn or Procedure.performed[x]",
        Codes.SERVICE_CODES + "#" + Codes.TUMOUR_BOARD_CODE, "The latest one.", List.of(RuleId.SYSTEMIC_BEFORE_TUMOUR_BOARD)));
    inputs.add(new Input("draft-orders", "Draft orders (order-select, order-sign)",
        "context.draftOrders: MedicationRequest.medication[x], .priorPrescription; ServiceRequest.code, .reasonCode, .reasonReference",
        "RCC agents as above (pazopanib, sorafenib: adjuvant-trial agents); chest radiograph CPT 71045–71048 or LOINC chest radiograph codes; nephrectomy SNOMED CT "
            + sorted(Codes.NEPHRECTOMY_SNOMED),
        "Only the selected orders on order-select; all draft orders on order-sign.",
        List.of(RuleId.ADJUVANT_AFTER_METASTASECTOMY, RuleId.ADJUVANT_NED_UNCONFIRMED, RuleId.SYSTEMIC_BEFORE_TUMOUR_BOARD,
            RuleId.CHEST_RADIOGRAPH_STAGING, RuleId.CYTOREDUCTIVE_NEPHRECTOMY)));
    return List.copyOf(inputs);
  }

  public static Input input(String id) {
    return inputs().stream().filter(i -> i.id().equals(id)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no input " + id));
  }

  private static String labHowRead(Lab lab) {
    String base = "Final, amended or corrected results within the look-back; the latest wins; converted to " + lab.canonicalUnit() + ".";
    return lab == Lab.CALCIUM || lab == Lab.ALBUMIN
        ? base + " Corrected calcium = calcium + 0.8 × (4.0 − albumin), in mg/dL and g/dL."
        : base;
  }

  private static String loinc(Lab lab) {
    return Codes.LAB_LOINC.entrySet().stream().filter(e -> e.getValue() == lab).map(Map.Entry::getKey)
        .sorted().collect(Collectors.joining(", "));
  }

  private static String sorted(java.util.Collection<String> codes) {
    return String.join(", ", new TreeSet<>(codes));
  }

  private static String capitalised(String s) {
    return Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }
}
