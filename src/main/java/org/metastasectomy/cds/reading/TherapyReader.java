package org.metastasectomy.cds.reading;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.MedicationAdministration;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.MedicationRequest.MedicationRequestStatus;
import org.hl7.fhir.r4.model.Procedure;
import org.hl7.fhir.r4.model.Procedure.ProcedureStatus;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.metastasectomy.cds.model.Fact;

/** Reads surgery (nephrectomy, metastasectomy), systemic therapy and documented tumour board review. */
final class TherapyReader {
  private TherapyReader() {}

  private static final Set<MedicationRequestStatus> STARTED =
      EnumSet.of(MedicationRequestStatus.ACTIVE, MedicationRequestStatus.COMPLETED, MedicationRequestStatus.ONHOLD);

  static Fact<LocalDate> nephrectomy(List<Procedure> procedures) {
    return procedures.stream()
        .filter(p -> p.getStatus() == ProcedureStatus.COMPLETED && hasSnomed(p.getCode(), Codes.NEPHRECTOMY_SNOMED))
        .map(p -> dated(p))
        .filter(Fact::isKnown)
        .min(Comparator.comparing(Fact::value))
        .orElse(Fact.unknown());
  }

  /** Metastasectomies: a lung metastasectomy code, or any surgery whose reason is a metastasis Condition (mCODE). */
  static List<Fact<LocalDate>> metastasectomies(List<Procedure> procedures, Set<String> metastasisRefs) {
    return procedures.stream()
        .filter(p -> p.getStatus() == ProcedureStatus.COMPLETED)
        .filter(p -> hasSnomed(p.getCode(), Codes.METASTASECTOMY_SNOMED) || reasonIsMetastasis(p, metastasisRefs))
        .map(TherapyReader::dated)
        .filter(Fact::isKnown)
        .toList();
  }

  private static boolean reasonIsMetastasis(Procedure p, Set<String> metastasisRefs) {
    return p.getReasonReference().stream().map(Reference::getReference).filter(Objects::nonNull)
        .anyMatch(ref -> metastasisRefs.stream().anyMatch(ref::endsWith));
  }

  private static Fact<LocalDate> dated(Procedure p) {
    LocalDate date = p.hasPerformed() ? FhirDates.of(p.getPerformed()) : null;
    return date == null ? Fact.unknown() : Fact.of(date, ConditionReader.ref(p));
  }

  static Fact<LocalDate> systemicTherapyStart(List<MedicationRequest> requests, List<MedicationAdministration> administrations) {
    Stream<Fact<LocalDate>> fromRequests = requests.stream()
        .filter(r -> STARTED.contains(r.getStatus()) && r.hasMedicationCodeableConcept()
            && agent(r.getMedicationCodeableConcept()).isPresent() && r.hasAuthoredOn())
        .map(r -> Fact.of(FhirDates.of(r.getAuthoredOnElement()), ConditionReader.ref(r)));
    Stream<Fact<LocalDate>> fromAdministrations = administrations.stream()
        .filter(a -> a.hasMedicationCodeableConcept() && agent(a.getMedicationCodeableConcept()).isPresent()
            && a.hasEffective() && FhirDates.of(a.getEffective()) != null)
        .map(a -> Fact.of(FhirDates.of(a.getEffective()), ConditionReader.ref(a)));
    return Stream.concat(fromRequests, fromAdministrations).min(Comparator.comparing(Fact::value)).orElse(Fact.unknown());
  }

  /** The RCC agent a medication concept names (by RxNorm RXCUI or by ingredient name), if any. */
  static Optional<String> agent(CodeableConcept medication) {
    for (Coding c : medication.getCoding()) {
      if (Codes.RXNORM.equals(c.getSystem()) && Codes.RCC_AGENTS_RXNORM.containsKey(c.getCode())) {
        return Optional.of(Codes.RCC_AGENTS_RXNORM.get(c.getCode()));
      }
    }
    String text = (medication.getText() + " " + medication.getCoding().stream().map(Coding::getDisplay)
        .filter(Objects::nonNull).reduce("", (a, b) -> a + " " + b)).toLowerCase(Locale.ROOT);
    return Codes.RCC_AGENT_NAMES.stream().filter(text::contains).findFirst();
  }

  /** The latest documented tumour board review: a ServiceRequest (authoredOn) or Procedure (performed) with our code. */
  static Fact<LocalDate> lastTumourBoard(List<ServiceRequest> serviceRequests, List<Procedure> procedures) {
    Stream<Fact<LocalDate>> requests = serviceRequests.stream()
        .filter(s -> isTumourBoard(s.getCode()) && s.hasAuthoredOn())
        .map(s -> Fact.of(FhirDates.of(s.getAuthoredOnElement()), ConditionReader.ref(s)));
    Stream<Fact<LocalDate>> done = procedures.stream()
        .filter(p -> isTumourBoard(p.getCode()))
        .map(TherapyReader::dated)
        .filter(Fact::isKnown);
    return Stream.concat(requests, done).max(Comparator.comparing(Fact::value)).orElse(Fact.unknown());
  }

  static boolean isTumourBoard(CodeableConcept code) {
    return code.getCoding().stream().anyMatch(c -> Codes.SERVICE_CODES.equals(c.getSystem()) && Codes.TUMOUR_BOARD_CODE.equals(c.getCode()));
  }

  static boolean hasSnomed(CodeableConcept code, Set<String> codes) {
    return code.getCoding().stream().anyMatch(c -> Codes.SNOMED.equals(c.getSystem()) && codes.contains(c.getCode()));
  }
}
