package org.metastasectomy.cds.reading;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
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
import org.metastasectomy.cds.model.Metastasectomy;
import org.metastasectomy.cds.model.SystemicTherapy;

/** Reads surgery (nephrectomy, metastasectomy), systemic therapy and documented tumour board review. */
final class TherapyReader {
  private TherapyReader() {}

  /** Orders that say the therapy was given: active, on hold, completed, or stopped after it began. */
  private static final Set<MedicationRequestStatus> STARTED = EnumSet.of(MedicationRequestStatus.ACTIVE,
      MedicationRequestStatus.COMPLETED, MedicationRequestStatus.ONHOLD, MedicationRequestStatus.STOPPED);
  private static final Set<MedicationRequestStatus> RUNNING =
      EnumSet.of(MedicationRequestStatus.ACTIVE, MedicationRequestStatus.ONHOLD);
  /**
   * A Procedure.outcome that records the resection as incomplete: R1 or R2 (residual tumour classification), the word
   * incomplete, or residual tumour/disease. Matched on the outcome's codes, displays and text; no code is assumed.
   */
  private static final Pattern INCOMPLETE = Pattern.compile("(?i)(\\bR\\s?[12]\\b|\\bincomplete|\\bresidual)");

  /** The earliest completed nephrectomy dated on or before today (a future date is ignored and listed). */
  static Fact<LocalDate> nephrectomy(List<Procedure> procedures, FutureDates dates) {
    return nephrectomies(procedures)
        .map(p -> dated(p, dates))
        .filter(Fact::isKnown)
        .min(Comparator.comparing(Fact::value))
        .orElse(Fact.unknown());
  }

  /** Whether a completed nephrectomy is recorded, dated or not (not counting one dated in the future). */
  static boolean nephrectomyRecorded(List<Procedure> procedures, FutureDates dates) {
    return nephrectomies(procedures).anyMatch(p -> !dates.isFuture(date(p)));
  }

  private static Stream<Procedure> nephrectomies(List<Procedure> procedures) {
    return procedures.stream()
        .filter(p -> p.getStatus() == ProcedureStatus.COMPLETED && hasSnomed(p.getCode(), Codes.NEPHRECTOMY_SNOMED));
  }

  /**
   * Metastasectomies: a completed lung metastasectomy code, or any completed surgery whose reason is a metastasis
   * Condition (mCODE), dated or not; one dated after today is ignored and listed.
   */
  static List<Metastasectomy> metastasectomies(List<Procedure> procedures, Set<String> metastasisRefs, FutureDates dates) {
    return procedures.stream()
        .filter(p -> p.getStatus() == ProcedureStatus.COMPLETED)
        .filter(p -> hasSnomed(p.getCode(), Codes.METASTASECTOMY_SNOMED) || reasonIsMetastasis(p, metastasisRefs))
        .filter(p -> dates.usable(date(p), ConditionReader.ref(p)))
        .map(p -> new Metastasectomy(dated(p, dates), recordedIncomplete(p), ConditionReader.ref(p)))
        .toList();
  }

  /** The outcome says R1, R2, incomplete or residual tumour. */
  static boolean recordedIncomplete(Procedure p) {
    CodeableConcept outcome = p.getOutcome();
    StringBuilder text = new StringBuilder(outcome.hasText() ? outcome.getText() : "");
    outcome.getCoding().forEach(c -> text.append(' ').append(c.hasCode() ? c.getCode() : "")
        .append(' ').append(c.hasDisplay() ? c.getDisplay() : ""));
    return INCOMPLETE.matcher(text).find();
  }

  private static boolean reasonIsMetastasis(Procedure p, Set<String> metastasisRefs) {
    return p.getReasonReference().stream().map(Reference::getReference).filter(Objects::nonNull)
        .anyMatch(ref -> metastasisRefs.stream().anyMatch(ref::endsWith));
  }

  private static LocalDate date(Procedure p) {
    return p.hasPerformed() ? FhirDates.of(p.getPerformed()) : null;
  }

  private static Fact<LocalDate> dated(Procedure p, FutureDates dates) {
    return dates.fact(date(p), ConditionReader.ref(p));
  }

  /**
   * The RCC systemic therapies the chart records as given: orders active, on hold, completed or stopped, and
   * administrations. An undated one stays (its start unknown); one starting after today is ignored and listed.
   */
  static List<SystemicTherapy> systemicTherapies(List<MedicationRequest> requests,
      List<MedicationAdministration> administrations, FutureDates dates) {
    List<SystemicTherapy> out = new ArrayList<>();
    for (MedicationRequest r : requests) {
      Optional<String> agent = r.hasMedicationCodeableConcept() ? agent(r.getMedicationCodeableConcept()) : Optional.empty();
      LocalDate start = r.hasAuthoredOn() ? FhirDates.of(r.getAuthoredOnElement()) : null;
      String ref = ConditionReader.ref(r);
      if (STARTED.contains(r.getStatus()) && agent.isPresent() && dates.usable(start, ref)) {
        out.add(new SystemicTherapy(agent.get(), dates.fact(start, ref), RUNNING.contains(r.getStatus()), ref));
      }
    }
    for (MedicationAdministration a : administrations) {
      Optional<String> agent = a.hasMedicationCodeableConcept() ? agent(a.getMedicationCodeableConcept()) : Optional.empty();
      LocalDate start = a.hasEffective() ? FhirDates.of(a.getEffective()) : null;
      String ref = ConditionReader.ref(a);
      if (agent.isPresent() && dates.usable(start, ref)) {
        out.add(new SystemicTherapy(agent.get(), dates.fact(start, ref), false, ref));
      }
    }
    return out;
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
  static Fact<LocalDate> lastTumourBoard(List<ServiceRequest> serviceRequests, List<Procedure> procedures,
      FutureDates dates) {
    Stream<Fact<LocalDate>> requests = serviceRequests.stream()
        .filter(s -> isTumourBoard(s.getCode()) && s.hasAuthoredOn())
        .map(s -> dates.fact(FhirDates.of(s.getAuthoredOnElement()), ConditionReader.ref(s)))
        .filter(Fact::isKnown);
    Stream<Fact<LocalDate>> done = procedures.stream()
        .filter(p -> isTumourBoard(p.getCode()))
        .map(p -> dated(p, dates))
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
