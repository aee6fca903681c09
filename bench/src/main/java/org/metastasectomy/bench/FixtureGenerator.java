package org.metastasectomy.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes the bench's own fallback fixtures into bench/fixtures/ (committed): used by {@link RequestGenerator} only
 * when cds-hooks/examples/ lacks an example. Synthetic patients; codes follow ../shared/evidence/clinical-notes.md.
 *
 * <p>Usage: {@code FixtureGenerator --out=bench/fixtures}
 */
public final class FixtureGenerator {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final String LOINC = "http://loinc.org";
  private static final String SCT = "http://snomed.info/sct";
  private static final String ICD10 = "http://hl7.org/fhir/sid/icd-10-cm";
  private static final String ICDO3 = "http://terminology.hl7.org/CodeSystem/icd-o-3";
  private static final String UCUM = "http://unitsofmeasure.org";
  private static final String RXNORM = "http://www.nlm.nih.gov/research/umls/rxnorm";
  private static final LocalDate AS_OF = LocalDate.of(2025, 6, 2);

  private FixtureGenerator() {}

  public static void main(String[] argv) throws IOException {
    Path out = Path.of(new Args(argv).get("out", "bench/fixtures"));
    write(out.resolve("solitary-lung-favourable/request.json"), rccPatientView("bench-rcc-1"));
    write(out.resolve("no-rcc/request.json"), noRccOrderSelect("bench-norcc-1"));
    String pid = "bench-fallback-1";
    ObjectNode fallback = hookRequest("patient-view", pid, "http://127.0.0.1:8091/fhir");
    write(out.resolve("prefetch-missing/request.json"), fallback);
    Path fs = out.resolve("prefetch-missing/fhir-server");
    List<ObjectNode> all = rccResources(pid);
    write(fs.resolve("Patient.json"), all.get(0));
    for (String type : List.of("Condition", "Observation", "Procedure", "MedicationRequest", "ServiceRequest")) {
      write(fs.resolve(type + ".json"), searchset(all.stream().filter(r -> type.equals(r.path("resourceType").asText())).toList()));
    }
  }

  private static void write(Path p, ObjectNode node) throws IOException {
    Files.createDirectories(p.getParent());
    Files.write(p, MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(node));
    System.out.println("wrote " + p + " (" + MAPPER.writeValueAsBytes(node).length + " bytes compact)");
  }

  static ObjectNode hookRequest(String hook, String pid, String fhirServer) {
    ObjectNode r = MAPPER.createObjectNode();
    r.put("hookInstance", "d1577c69-dfbe-44ad-ba6d-3e05e953b2ea");
    r.put("hook", hook);
    r.put("fhirServer", fhirServer);
    ObjectNode auth = r.putObject("fhirAuthorization");
    auth.put("access_token", "bench-token");
    auth.put("token_type", "Bearer");
    auth.put("expires_in", 300);
    auth.put("scope", "user/Patient.read user/Condition.read user/Observation.read user/Procedure.read user/MedicationRequest.read");
    auth.put("subject", "cds-service");
    ObjectNode ctx = r.putObject("context");
    ctx.put("userId", "Practitioner/bench-pract-1");
    ctx.put("patientId", pid);
    return r;
  }

  private static ObjectNode rccPatientView(String pid) {
    ObjectNode r = hookRequest("patient-view", pid, "http://127.0.0.1:8091/fhir");
    List<ObjectNode> all = rccResources(pid);
    ObjectNode prefetch = r.putObject("prefetch");
    prefetch.set("patient", all.get(0));
    // the keys of cds-hooks/services/discovery.json
    for (String[] kv : new String[][] {{"conditions", "Condition"}, {"observations", "Observation"}, {"procedures", "Procedure"},
        {"medications", "MedicationRequest"}, {"tumorBoard", "ServiceRequest"}}) {
      prefetch.set(kv[0], searchset(all.stream().filter(x -> kv[1].equals(x.path("resourceType").asText())).toList()));
    }
    return r;
  }

  private static ObjectNode noRccOrderSelect(String pid) {
    ObjectNode r = hookRequest("order-select", pid, "http://127.0.0.1:8091/fhir");
    ObjectNode ctx = (ObjectNode) r.get("context");
    ObjectNode sr = resource("ServiceRequest", "bench-sr-1");
    sr.put("status", "draft");
    sr.put("intent", "order");
    sr.set("code", concept(SCT, "168731009", "Chest X-ray"));
    sr.set("subject", ref("Patient/" + pid));
    ctx.putArray("selections").add("ServiceRequest/bench-sr-1");
    ctx.set("draftOrders", searchset(List.of(sr)));
    List<ObjectNode> res = new ArrayList<>();
    res.add(patient(pid, "female", "1971-09-23"));
    res.add(condition("bench-c-htn", pid, ICD10, "I10", "Essential (primary) hypertension", "2015-02-01", null));
    res.add(condition("bench-c-copd", pid, ICD10, "J44.9", "Chronic obstructive pulmonary disease, unspecified", "2019-11-12", null));
    int n = 0;
    for (int i = 0; i < 3; i++) {
      LocalDate d = AS_OF.minusDays(20L + 120L * i);
      res.add(lab("bench-o-" + n++, pid, "718-7", "Hemoglobin [Mass/volume] in Blood", 13.1 - 0.2 * i, "g/dL", d, 12.0, 15.5));
      res.add(lab("bench-o-" + n++, pid, "2160-0", "Creatinine [Mass/volume] in Serum or Plasma", 0.9, "mg/dL", d, 0.6, 1.1));
    }
    ObjectNode prefetch = r.putObject("prefetch");
    prefetch.set("patient", res.get(0));
    prefetch.set("conditions", searchset(res.stream().filter(x -> "Condition".equals(x.path("resourceType").asText())).toList()));
    prefetch.set("observations", searchset(res.stream().filter(x -> "Observation".equals(x.path("resourceType").asText())).toList()));
    prefetch.set("procedures", searchset(List.of()));
    prefetch.set("medications", searchset(List.of()));
    prefetch.set("tumorBoard", searchset(List.of()));
    return r;
  }

  /** About 100 resources for a patient with a solitary lung metastasis of clear-cell RCC 44 months after nephrectomy. */
  private static List<ObjectNode> rccResources(String pid) {
    List<ObjectNode> res = new ArrayList<>();
    res.add(patient(pid, "male", "1962-03-10"));
    ObjectNode primary = condition("bench-c-rcc", pid, ICD10, "C64.1", "Malignant neoplasm of right kidney, except renal pelvis", "2019-05-14", null);
    ObjectNode ext = primary.putArray("extension").addObject();
    ext.put("url", "http://hl7.org/fhir/us/mcode/StructureDefinition/mcode-histology-morphology-behavior");
    ext.set("valueCodeableConcept", concept(ICDO3, "8310/3", "Clear cell adenocarcinoma, NOS"));
    res.add(primary);
    ObjectNode met = condition("bench-c-lung", pid, ICD10, "C78.01", "Secondary malignant neoplasm of right lung", "2023-02-20", null);
    ObjectNode count = met.putArray("extension").addObject();
    count.put("url", "http://metastasectomy-cds.org/fhir/StructureDefinition/metastasis-lesion-count");
    count.put("valueInteger", 1);
    met.putArray("bodySite").add(concept(SCT, "39607008", "Lung structure"));
    res.add(met);
    res.add(condition("bench-c-htn", pid, ICD10, "I10", "Essential (primary) hypertension", "2012-04-01", null));
    res.add(condition("bench-c-dm", pid, ICD10, "E11.9", "Type 2 diabetes mellitus without complications", "2016-09-15", null));
    res.add(condition("bench-c-hld", pid, ICD10, "E78.5", "Hyperlipidemia, unspecified", "2014-01-20", null));
    res.add(condition("bench-c-ckd", pid, ICD10, "N18.2", "Chronic kidney disease, stage 2 (mild)", "2019-08-01", null));
    res.add(coded("bench-o-hist", pid, LOINC, "31206-6", "Histology and Behavior ICD-O-3 Cancer", concept(ICDO3, "8310/3", "Clear cell adenocarcinoma, NOS"), LocalDate.of(2019, 6, 3)));
    ObjectNode grade = coded("bench-o-grade", pid, "http://ncicb.nci.nih.gov/xml/owl/EVS/Thesaurus.owl", "C18000", "Histologic Grade", null, LocalDate.of(2019, 6, 3));
    grade.put("valueInteger", 2);
    res.add(grade);
    res.add(coded("bench-o-t", pid, LOINC, "21899-0", "Primary tumor.pathology Cancer", concept(SCT, "1228938002", "pT2a"), LocalDate.of(2019, 6, 3)));
    res.add(coded("bench-o-n", pid, LOINC, "21900-6", "Regional lymph nodes.pathology", concept(SCT, "1229967007", "pN0"), LocalDate.of(2019, 6, 3)));
    res.add(coded("bench-o-m", pid, LOINC, "21901-4", "Distant metastases.pathology", concept(SCT, "1229901006", "cM0"), LocalDate.of(2019, 6, 3)));
    ObjectNode ecog = coded("bench-o-ecog", pid, LOINC, "89247-1", "ECOG Performance Status score", null, AS_OF.minusDays(12));
    ecog.put("valueInteger", 0);
    res.add(ecog);
    ObjectNode kps = coded("bench-o-kps", pid, LOINC, "89243-0", "Karnofsky Performance Status score", null, AS_OF.minusDays(12));
    kps.put("valueInteger", 90);
    res.add(kps);
    Object[][] labs = {
        {"718-7", "Hgb Bld-mCnc", 14.1, "g/dL", 13.5, 17.5},
        {"17861-6", "Calcium SerPl-mCnc", 9.4, "mg/dL", 8.6, 10.3},
        {"1751-7", "Albumin SerPl-mCnc", 4.1, "g/dL", 3.5, 5.2},
        {"751-8", "Neutrophils # Bld Auto", 4.2, "10*3/uL", 1.8, 7.7},
        {"777-3", "Platelets # Bld Auto", 251.0, "10*3/uL", 150.0, 400.0},
        {"2532-0", "LDH SerPl-cCnc", 182.0, "U/L", 125.0, 220.0},
        {"6768-6", "ALP SerPl-cCnc", 88.0, "U/L", 40.0, 129.0},
        {"1988-5", "CRP SerPl-mCnc", 2.1, "mg/L", 0.0, 5.0},
        {"2160-0", "Creat SerPl-mCnc", 1.1, "mg/dL", 0.7, 1.3},
    };
    int n = 0;
    for (int visit = 0; visit < 8; visit++) {
      LocalDate d = AS_OF.minusDays(14L + 80L * visit);
      for (Object[] l : labs) {
        double v = (double) l[2] * (1.0 + 0.02 * ((visit * 7 + n) % 5 - 2));
        ObjectNode o = lab("bench-o-" + n++, pid, (String) l[0], (String) l[1], Math.round(v * 10) / 10.0, (String) l[3], d, (double) l[4], (double) l[5]);
        if (visit > 0) {
          o.remove("referenceRange"); // as in many EHR extracts, only the latest result carries its reference range
        }
        res.add(o);
      }
    }
    res.add(procedure("bench-p-neph", pid, "116033007", "Total nephrectomy (procedure)", "2019-06-03"));
    res.add(procedure("bench-p-ct1", pid, "169069000", "Computed tomography of chest (procedure)", "2023-02-15"));
    res.add(procedure("bench-p-ct2", pid, "169069000", "Computed tomography of chest (procedure)", "2025-05-10"));
    res.add(medication("bench-m-1", pid, "197361", "amlodipine 5 MG Oral Tablet", "2018-01-10"));
    res.add(medication("bench-m-2", pid, "861007", "metformin hydrochloride 500 MG Oral Tablet", "2016-09-20"));
    res.add(medication("bench-m-3", pid, "617312", "atorvastatin 10 MG Oral Tablet", "2014-02-01"));
    ObjectNode sr = resource("ServiceRequest", "bench-sr-mdt");
    sr.put("status", "completed");
    sr.put("intent", "order");
    sr.set("code", concept("http://metastasectomy-cds.org/fhir/CodeSystem/mrcc-cds", "tumor-board-review", "Tumour board review"));
    sr.set("subject", ref("Patient/" + pid));
    sr.put("authoredOn", "2023-03-01");
    res.add(sr);
    return res;
  }

  private static ObjectNode resource(String type, String id) {
    ObjectNode r = MAPPER.createObjectNode();
    r.put("resourceType", type);
    r.put("id", id);
    return r;
  }

  private static ObjectNode patient(String id, String gender, String birthDate) {
    ObjectNode p = resource("Patient", id);
    ObjectNode ident = p.putArray("identifier").addObject();
    ident.put("system", "urn:oid:1.2.36.146.595.217.0.1");
    ident.put("value", "MRN-" + id);
    ObjectNode name = p.putArray("name").addObject();
    name.put("use", "official");
    name.put("family", "Bench");
    name.putArray("given").add("Synthetic");
    p.put("gender", gender);
    p.put("birthDate", birthDate);
    return p;
  }

  private static ObjectNode condition(String id, String pid, String system, String code, String display, String onset, String abatement) {
    ObjectNode c = resource("Condition", id);
    c.set("clinicalStatus", concept("http://terminology.hl7.org/CodeSystem/condition-clinical", "active", "Active"));
    c.set("verificationStatus", concept("http://terminology.hl7.org/CodeSystem/condition-ver-status", "confirmed", "Confirmed"));
    c.putArray("category").add(concept("http://terminology.hl7.org/CodeSystem/condition-category", "problem-list-item", "Problem List Item"));
    c.set("code", concept(system, code, display));
    c.set("subject", ref("Patient/" + pid));
    c.put("onsetDateTime", onset);
    c.put("recordedDate", onset);
    if (abatement != null) {
      c.put("abatementDateTime", abatement);
    }
    return c;
  }

  private static ObjectNode coded(String id, String pid, String system, String code, String display, ObjectNode value, LocalDate date) {
    ObjectNode o = resource("Observation", id);
    o.put("status", "final");
    o.putArray("category").add(concept("http://terminology.hl7.org/CodeSystem/observation-category", "exam", "Exam"));
    o.set("code", concept(system, code, display));
    o.set("subject", ref("Patient/" + pid));
    o.put("effectiveDateTime", date.toString());
    if (value != null) {
      o.set("valueCodeableConcept", value);
    }
    return o;
  }

  private static ObjectNode lab(String id, String pid, String loinc, String display, double value, String unit, LocalDate date, double low, double high) {
    ObjectNode o = resource("Observation", id);
    o.put("status", "final");
    o.putArray("category").add(concept("http://terminology.hl7.org/CodeSystem/observation-category", "laboratory", "Laboratory"));
    o.set("code", concept(LOINC, loinc, display));
    o.set("subject", ref("Patient/" + pid));
    o.put("effectiveDateTime", date + "T08:30:00Z");
    o.set("valueQuantity", quantity(value, unit));
    ObjectNode rr = o.putArray("referenceRange").addObject();
    rr.set("low", quantity(low, unit));
    rr.set("high", quantity(high, unit));
    return o;
  }

  private static ObjectNode procedure(String id, String pid, String code, String display, String date) {
    ObjectNode p = resource("Procedure", id);
    p.put("status", "completed");
    p.set("code", concept(SCT, code, display));
    p.set("subject", ref("Patient/" + pid));
    p.put("performedDateTime", date);
    return p;
  }

  private static ObjectNode medication(String id, String pid, String rxnorm, String display, String authored) {
    ObjectNode m = resource("MedicationRequest", id);
    m.put("status", "active");
    m.put("intent", "order");
    m.set("medicationCodeableConcept", concept(RXNORM, rxnorm, display));
    m.set("subject", ref("Patient/" + pid));
    m.put("authoredOn", authored);
    return m;
  }

  private static ObjectNode quantity(double value, String unit) {
    ObjectNode q = MAPPER.createObjectNode();
    q.put("value", value);
    q.put("unit", unit);
    q.put("system", UCUM);
    q.put("code", unit);
    return q;
  }

  private static ObjectNode concept(String system, String code, String display) {
    ObjectNode cc = MAPPER.createObjectNode();
    ObjectNode c = cc.putArray("coding").addObject();
    c.put("system", system);
    c.put("code", code);
    c.put("display", display);
    return cc;
  }

  private static ObjectNode ref(String reference) {
    ObjectNode r = MAPPER.createObjectNode();
    r.put("reference", reference);
    return r;
  }

  static ObjectNode searchset(List<ObjectNode> resources) {
    ObjectNode b = MAPPER.createObjectNode();
    b.put("resourceType", "Bundle");
    b.put("type", "searchset");
    b.put("total", resources.size());
    ArrayNode entries = b.putArray("entry");
    for (ObjectNode r : resources) {
      ObjectNode e = entries.addObject();
      e.put("fullUrl", r.path("resourceType").asText() + "/" + r.path("id").asText());
      e.set("resource", r);
      e.putObject("search").put("mode", "match");
    }
    return b;
  }
}
