package org.metastasectomy.cds.reading;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.MedicationAdministration;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.MedicationRequest.MedicationRequestStatus;
import org.hl7.fhir.r4.model.Procedure;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.junit.jupiter.api.Test;
import org.metastasectomy.cds.model.SystemicTherapy;

/** Which systemic therapies count as given, and which tumour board review is the latest. */
class TherapyReaderTest {
  private static final LocalDate TODAY = LocalDate.of(2026, 11, 27);
  private static final CodeableConcept SUNITINIB = new CodeableConcept().addCoding(
      new Coding(Codes.RXNORM, "357977", "sunitinib"));

  private static MedicationRequest request(String id, MedicationRequestStatus status, String authored) {
    MedicationRequest r = new MedicationRequest().setStatus(status).setMedication(SUNITINIB);
    if (authored != null) {
      r.setAuthoredOnElement(new DateTimeType(authored));
    }
    r.setId(id);
    return r;
  }

  @Test
  void ordersCountAsGivenOnlyWhenStartedAndRunningOnlyWhenActiveOrOnHold() {
    List<SystemicTherapy> given = TherapyReader.systemicTherapies(List.of(
        request("active", MedicationRequestStatus.ACTIVE, "2026-01-01"),
        request("onhold", MedicationRequestStatus.ONHOLD, "2026-01-02"),
        request("completed", MedicationRequestStatus.COMPLETED, null),
        request("stopped", MedicationRequestStatus.STOPPED, "2026-01-04"),
        request("draft", MedicationRequestStatus.DRAFT, "2026-01-05"),
        request("cancelled", MedicationRequestStatus.CANCELLED, "2026-01-06"),
        request("error", MedicationRequestStatus.ENTEREDINERROR, "2026-01-07"),
        request("future", MedicationRequestStatus.ACTIVE, "2027-06-01"),
        (MedicationRequest) new MedicationRequest().setStatus(MedicationRequestStatus.ACTIVE)
            .setMedication(new CodeableConcept().setText("metformin")).setId("other")),
        List.of(), new FutureDates(TODAY));

    assertThat(given).extracting(SystemicTherapy::source).containsExactly("MedicationRequest/active",
        "MedicationRequest/onhold", "MedicationRequest/completed", "MedicationRequest/stopped");
    assertThat(given).extracting(SystemicTherapy::running).containsExactly(true, true, false, false);
    assertThat(given).extracting(SystemicTherapy::agent).containsOnly("sunitinib");
    assertThat(given.get(0).start().value()).isEqualTo(LocalDate.of(2026, 1, 1));
    assertThat(given.get(2).start().isKnown()).as("undated stays, start unknown").isFalse();
  }

  @Test
  void administrationsOfAnRccAgentCountAsGivenAndNotRunning() {
    MedicationAdministration dated = new MedicationAdministration().setMedication(SUNITINIB)
        .setEffective(new DateTimeType("2026-02-03"));
    dated.setId("a1");
    MedicationAdministration undated = new MedicationAdministration().setMedication(
        new CodeableConcept().setText("Cabozantinib 60 mg"));
    undated.setId("a2");
    MedicationAdministration future = new MedicationAdministration().setMedication(SUNITINIB)
        .setEffective(new DateTimeType("2027-02-03"));
    future.setId("a3");
    MedicationAdministration other = new MedicationAdministration().setMedication(
        new CodeableConcept().setText("paracetamol"));
    other.setId("a4");
    FutureDates dates = new FutureDates(TODAY);

    List<SystemicTherapy> given = TherapyReader.systemicTherapies(List.of(), List.of(dated, undated, future, other,
        new MedicationAdministration()), dates);
    assertThat(given).extracting(SystemicTherapy::source)
        .containsExactly("MedicationAdministration/a1", "MedicationAdministration/a2");
    assertThat(given).extracting(SystemicTherapy::agent).containsExactly("sunitinib", "cabozantinib");
    assertThat(given).extracting(SystemicTherapy::running).containsExactly(false, false);
    assertThat(given.get(0).start().value()).isEqualTo(LocalDate.of(2026, 2, 3));
    assertThat(dates.ignored()).hasSize(1);
  }

  @Test
  void theLatestDatedTumourBoardReviewByRequestOrProcedureIsTheLast() {
    CodeableConcept board = new CodeableConcept().addCoding(new Coding(Codes.SERVICE_CODES, Codes.TUMOUR_BOARD_CODE, null));
    CodeableConcept wrongSystem = new CodeableConcept().addCoding(new Coding(Codes.SNOMED, Codes.TUMOUR_BOARD_CODE, null));
    ServiceRequest early = new ServiceRequest().setCode(board).setAuthoredOnElement(new DateTimeType("2026-03-01"));
    early.setId("early");
    ServiceRequest undated = new ServiceRequest().setCode(board);
    undated.setId("undated");
    ServiceRequest notBoard = new ServiceRequest().setCode(wrongSystem).setAuthoredOnElement(new DateTimeType("2026-10-01"));
    notBoard.setId("other");
    Procedure held = new Procedure().setCode(board).setPerformed(new DateTimeType("2026-06-01"));
    held.setId("held");
    Procedure notHeld = new Procedure().setCode(wrongSystem).setPerformed(new DateTimeType("2026-09-01"));
    Procedure undatedProcedure = new Procedure().setCode(board);

    var last = TherapyReader.lastTumourBoard(List.of(early, undated, notBoard), List.of(held, notHeld, undatedProcedure),
        new FutureDates(TODAY));
    assertThat(last.value()).isEqualTo(LocalDate.of(2026, 6, 1));
    assertThat(last.source()).isEqualTo("Procedure/held");

    var onlyRequest = TherapyReader.lastTumourBoard(List.of(early, notBoard), List.of(notHeld), new FutureDates(TODAY));
    assertThat(onlyRequest.value()).isEqualTo(LocalDate.of(2026, 3, 1));
    assertThat(TherapyReader.lastTumourBoard(List.of(undated, notBoard), List.of(undatedProcedure), new FutureDates(TODAY))
        .isKnown()).isFalse();
  }
}
