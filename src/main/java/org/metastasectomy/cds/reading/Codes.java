package org.metastasectomy.cds.reading;

import java.util.Map;
import java.util.Set;
import org.metastasectomy.cds.model.Lab;
import org.metastasectomy.cds.model.Site;

/** Code systems and codes the mapper accepts (clinical-notes.md §4.1; fhir-profiles/README.md mapping table). */
final class Codes {
  private Codes() {}

  static final String ICD10CM = "http://hl7.org/fhir/sid/icd-10-cm";
  static final String SNOMED = "http://snomed.info/sct";
  static final String LOINC = "http://loinc.org";
  static final String ICDO3 = "http://terminology.hl7.org/CodeSystem/icd-o-3";
  static final String NCIT = "http://ncicb.nci.nih.gov/xml/owl/EVS/Thesaurus.owl";
  static final String RXNORM = "http://www.nlm.nih.gov/research/umls/rxnorm";
  static final String CPT = "http://www.ama-assn.org/go/cpt";
  static final String CONDITION_CLINICAL = "http://terminology.hl7.org/CodeSystem/condition-clinical";
  static final String CONDITION_VERIFICATION = "http://terminology.hl7.org/CodeSystem/condition-ver-status";
  static final String MCODE_HISTOLOGY_EXTENSION =
      "http://hl7.org/fhir/us/mcode/StructureDefinition/mcode-histology-morphology-behavior";
  static final String LESION_COUNT_EXTENSION =
      "http://metastasectomy-cds.org/fhir/StructureDefinition/metastasis-lesion-count";
  static final String SERVICE_CODES = "http://metastasectomy-cds.org/fhir/CodeSystem/mrcc-cds";
  /** Our code for a tumour board referral or review, as published (US spelling kept: docs/architecture.md). */
  static final String TUMOUR_BOARD_CODE = "tumor-board-review";

  static final Set<String> RCC_SNOMED = Lookup.set("93849006", "702391001");
  static final Set<String> RCC_MORPHOLOGY = Lookup.set("8310/3", "8260/3", "8317/3", "8318/3", "8319/3", "8312/3");

  /** SNOMED secondary-neoplasm concepts by site. */
  static final Map<String, Site> METASTASIS_SNOMED = Lookup.map(Map.of(
      "94391008", Site.LUNG, "94222008", Site.BONE, "94381002", Site.LIVER,
      "94225005", Site.BRAIN, "94392001", Site.LYMPH_NODE));
  static final String SECONDARY_NEOPLASM_SNOMED = "128462008";
  /** SNOMED body structures for a generic secondary-neoplasm Condition. */
  static final Map<String, Site> BODY_SITE_SNOMED = Lookup.map(Map.of(
      "39607008", Site.LUNG, "10200004", Site.LIVER, "12738006", Site.BRAIN, "23451007", Site.ADRENAL,
      "119186007", Site.BONE, "14016003", Site.BONE));

  static final Set<String> NEPHRECTOMY_SNOMED = Lookup.set("116033007", "175905003", "81516001");
  /** Lung metastasectomy procedures (clinical-notes §4.1, MITRE surgeries.json). */
  static final Set<String> METASTASECTOMY_SNOMED = Lookup.set("20418004", "444188003", "173171007", "173172000");

  static final String ECOG = "89247-1";
  static final String KARNOFSKY = "89243-0";
  static final Set<String> HISTOLOGY_OBSERVATION = Lookup.set("31206-6", "77753-2");
  static final String GRADE_NCIT = "C18000";
  static final Set<String> T_CATEGORY = Lookup.set("21905-5", "21899-0");
  static final Set<String> N_CATEGORY = Lookup.set("21906-3", "21900-6");
  static final Set<String> M_CATEGORY = Lookup.set("21907-1", "21901-4");

  static final Map<String, Lab> LAB_LOINC = Lookup.map(Map.ofEntries(
      Map.entry("718-7", Lab.HAEMOGLOBIN),
      Map.entry("17861-6", Lab.CALCIUM),
      Map.entry("1751-7", Lab.ALBUMIN),
      Map.entry("26499-4", Lab.NEUTROPHILS),
      Map.entry("751-8", Lab.NEUTROPHILS),
      Map.entry("26515-7", Lab.PLATELETS),
      Map.entry("777-3", Lab.PLATELETS),
      Map.entry("2532-0", Lab.LDH),
      Map.entry("14804-9", Lab.LDH),
      Map.entry("6768-6", Lab.ALKALINE_PHOSPHATASE),
      Map.entry("1988-5", Lab.CRP)));

  /** RCC systemic therapy ingredients by RxNorm RXCUI (clinical-notes §4.1). */
  static final Map<String, String> RCC_AGENTS_RXNORM = Lookup.map(Map.ofEntries(
      Map.entry("495881", "sorafenib"), Map.entry("357977", "sunitinib"), Map.entry("1597876", "nivolumab"),
      Map.entry("1547545", "pembrolizumab"), Map.entry("1094833", "ipilimumab"), Map.entry("1242999", "axitinib"),
      Map.entry("1363268", "cabozantinib"), Map.entry("141704", "everolimus"), Map.entry("657797", "temsirolimus"),
      Map.entry("253337", "bevacizumab"), Map.entry("1875534", "avelumab"), Map.entry("70223", "aldesleukin")));
  /** Matched by ingredient name as well: pazopanib and lenvatinib RXCUIs are unverified in clinical-notes. */
  static final Set<String> RCC_AGENT_NAMES = Lookup.set(
      "sorafenib", "sunitinib", "nivolumab", "pembrolizumab", "ipilimumab", "axitinib", "cabozantinib", "everolimus",
      "temsirolimus", "bevacizumab", "avelumab", "aldesleukin", "pazopanib", "lenvatinib");
  /** The agents of the adjuvant trials after metastasectomy (E2810, RESORT). */
  static final Set<String> ADJUVANT_TRIAL_AGENTS = Lookup.set("pazopanib", "sorafenib");
}
