package org.metastasectomy.cds.clinical;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Enumerations.AdministrativeGender;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.MedicationAdministration;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Procedure;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.metastasectomy.cds.reading.ObservationEntry;
import org.metastasectomy.cds.reading.PatientRecord;

/**
 * A patient's chart built resource by resource, as an EHR would code it, for the clinical-review tests: each test
 * reads as the vignette it is ("clear cell RCC diagnosed 2024-01-10, lung metastasis resected 2025-03-01...").
 */
final class Chart {
  static final String ICD10 = "http://hl7.org/fhir/sid/icd-10-cm";
  static final String SNOMED = "http://snomed.info/sct";
  static final String LOINC = "http://loinc.org";
  static final String ICDO3 = "http://terminology.hl7.org/CodeSystem/icd-o-3";
  static final String CLINICAL = "http://terminology.hl7.org/CodeSystem/condition-clinical";
  static final String HISTOLOGY_EXT = "http://hl7.org/fhir/us/mcode/StructureDefinition/mcode-histology-morphology-behavior";
  static final String RXNORM = "http://www.nlm.nih.gov/research/umls/rxnorm";

  private final Patient patient = new Patient();
  private final List<Condition> conditions = new ArrayList<>();
  private final List<ObservationEntry> observations = new ArrayList<>();
  private final List<Observation> raw = new ArrayList<>();
  private final List<Procedure> procedures = new ArrayList<>();
  private final List<MedicationRequest> requests = new ArrayList<>();
  private final List<MedicationAdministration> administrations = new ArrayList<>();
  private final List<ServiceRequest> serviceRequests = new ArrayList<>();
  private int ids;

  Chart(String sex, String birthDate) {
    patient.setId("p");
    patient.setGender(AdministrativeGender.fromCode(sex));
    patient.setBirthDateElement(new DateType(birthDate));
  }

  /** A man born 1960-06-15 (66 on 2026-11-27). */
  static Chart man() {
    return new Chart("male", "1960-06-15");
  }

  static Chart woman() {
    return new Chart("female", "1960-06-15");
  }

  private String id(String prefix) {
    return prefix + (++ids);
  }

  /** The primary RCC (ICD-10 C64.2) diagnosed on the date, with an ICD-O-3 morphology when given. */
  Condition primary(String onset, String morphology) {
    Condition c = new Condition();
    c.setId("rcc");
    c.getCode().addCoding(new Coding(ICD10, "C64.2", "Malignant neoplasm of left kidney"));
    if (onset != null) {
      c.setOnset(new DateTimeType(onset));
    }
    if (morphology != null) {
      c.addExtension(new Extension(HISTOLOGY_EXT, new CodeableConcept(new Coding(ICDO3, morphology, null))));
    }
    conditions.add(c);
    return c;
  }

  /** A metastasis by ICD-10 code (C78.01 lung, C79.51 bone, C78.7 liver), with its clinical status code or none. */
  Condition metastasis(String icd10, String onset, String clinicalStatus) {
    Condition c = new Condition();
    c.setId(id("met"));
    c.getCode().addCoding(new Coding(ICD10, icd10, null));
    if (onset != null) {
      c.setOnset(new DateTimeType(onset));
    }
    if (clinicalStatus != null) {
      c.setClinicalStatus(new CodeableConcept(new Coding(CLINICAL, clinicalStatus, null)));
    }
    conditions.add(c);
    return c;
  }

  Condition lungMetastasis(String onset, String clinicalStatus) {
    return metastasis("C78.01", onset, clinicalStatus);
  }

  Condition boneMetastasis(String onset, String clinicalStatus) {
    return metastasis("C79.51", onset, clinicalStatus);
  }

  /** A completed surgery with a SNOMED code, performed on the date (or undated), for the given reason Condition. */
  Procedure surgery(String snomed, String performed, Condition reason) {
    Procedure p = new Procedure();
    p.setId(id("proc"));
    p.setStatus(Procedure.ProcedureStatus.COMPLETED);
    p.getCode().addCoding(new Coding(SNOMED, snomed, null));
    if (performed != null) {
      p.setPerformed(new DateTimeType(performed));
    }
    if (reason != null) {
      p.addReasonReference(new Reference("Condition/" + reason.getIdElement().getIdPart()));
    }
    procedures.add(p);
    return p;
  }

  /** A wedge resection of lung (SNOMED 20418004) for a lung metastasis. */
  Procedure lungMetastasectomy(String performed, Condition metastasis) {
    return surgery("20418004", performed, metastasis);
  }

  Procedure nephrectomy(String performed) {
    return surgery("116033007", performed, null);
  }

  /** A systemic therapy order by ingredient name, authored on the date, with its status (active, completed...). */
  MedicationRequest therapy(String agent, String authoredOn, String status) {
    MedicationRequest m = new MedicationRequest();
    m.setId(id("med"));
    m.setStatus(MedicationRequest.MedicationRequestStatus.fromCode(status));
    m.setIntent(MedicationRequest.MedicationRequestIntent.ORDER);
    m.setMedication(new CodeableConcept().setText(agent));
    if (authoredOn != null) {
      m.setAuthoredOnElement(new DateTimeType(authoredOn));
    }
    requests.add(m);
    return m;
  }

  /** A coded Observation with an integer value (ECOG 89247-1, Karnofsky 89243-0). */
  Observation score(String loinc, int value, String date, String status) {
    Observation o = observation(loinc, date, status);
    o.setValue(new IntegerType(value));
    return o;
  }

  /** A lab result in a UCUM unit. */
  Observation lab(String loinc, double value, String unit, String date, String status) {
    Observation o = observation(loinc, date, status);
    o.setValue(new Quantity().setValue(BigDecimal.valueOf(value)).setUnit(unit).setSystem("http://unitsofmeasure.org").setCode(unit));
    return o;
  }

  /** A histology Observation (LOINC 31206-6) with an ICD-O-3 morphology. */
  Observation histology(String morphology, String date) {
    Observation o = observation("31206-6", date, "final");
    o.setValue(new CodeableConcept(new Coding(ICDO3, morphology, null)));
    return o;
  }

  /** A TNM category Observation (clinical T 21905-5, M 21907-1) with its text value ("cT3a", "cM1"). */
  Observation tnm(String loinc, String value, String date) {
    Observation o = observation(loinc, date, "final");
    o.setValue(new CodeableConcept().setText(value));
    return o;
  }

  private Observation observation(String loinc, String date, String status) {
    Observation o = new Observation();
    o.setId(id("obs"));
    o.setStatus(Observation.ObservationStatus.fromCode(status));
    o.getCode().addCoding(new Coding(LOINC, loinc, null));
    if (date != null) {
      o.setEffective(new DateTimeType(date));
    }
    raw.add(o);
    observations.add(ObservationEntry.of(o));
    return o;
  }

  /** Any ServiceRequest of the chart (a tumour board referral). */
  void serviceRequest(ServiceRequest s) {
    serviceRequests.add(s);
  }

  /** Re-reads the Observations after a test changed one (ObservationEntry reads code, status and date up front). */
  PatientRecord record() {
    List<ObservationEntry> entries = raw.stream().map(ObservationEntry::of).toList();
    return new PatientRecord(patient, conditions, entries, procedures, requests, administrations, serviceRequests, Set.of());
  }

  /** The same chart with the medication history unreadable (not prefetched, not fetched). */
  PatientRecord recordWithoutMedications() {
    List<ObservationEntry> entries = raw.stream().map(ObservationEntry::of).toList();
    return new PatientRecord(patient, conditions, entries, procedures, List.of(), List.of(), serviceRequests,
        Set.of(org.metastasectomy.cds.intake.PrefetchKeys.MEDICATIONS));
  }

  // ---- draft orders ----

  /** A draft order bundle of the given resources. */
  static Bundle orders(org.hl7.fhir.r4.model.Resource... drafts) {
    Bundle b = new Bundle().setType(Bundle.BundleType.COLLECTION);
    for (org.hl7.fhir.r4.model.Resource r : drafts) {
      b.addEntry().setResource(r);
    }
    return b;
  }

  static MedicationRequest draftMedication(String agent) {
    MedicationRequest m = new MedicationRequest();
    m.setId("draft-" + agent);
    m.setStatus(MedicationRequest.MedicationRequestStatus.DRAFT);
    m.setIntent(MedicationRequest.MedicationRequestIntent.ORDER);
    m.setMedication(new CodeableConcept().setText(agent + " 800 mg daily"));
    return m;
  }

  /** A draft chest radiograph (CPT 71046). */
  static ServiceRequest draftChestRadiograph() {
    ServiceRequest s = new ServiceRequest();
    s.setId("draft-cxr");
    s.setStatus(ServiceRequest.ServiceRequestStatus.DRAFT);
    s.setIntent(ServiceRequest.ServiceRequestIntent.ORDER);
    s.getCode().addCoding(new Coding("http://www.ama-assn.org/go/cpt", "71046", "Radiologic examination, chest; 2 views"));
    return s;
  }

  static ServiceRequest draftNephrectomy() {
    ServiceRequest s = new ServiceRequest();
    s.setId("draft-nephrectomy");
    s.setStatus(ServiceRequest.ServiceRequestStatus.DRAFT);
    s.setIntent(ServiceRequest.ServiceRequestIntent.ORDER);
    s.getCode().addCoding(new Coding(SNOMED, "116033007", "Radical nephrectomy"));
    return s;
  }

  static LocalDate date(String iso) {
    return LocalDate.parse(iso);
  }
}
