package org.metastasectomy.cds.cards;

import java.util.List;
import org.metastasectomy.cds.cdshooks.Coding;

/** Codes of our CodeSystems under fhir-profiles/ (CodeSystem-mrcc-cds, CodeSystem-override-reason). */
final class CardCodes {
  private CardCodes() {}

  static final String SERVICE_CODES = "http://metastasectomy-cds.org/fhir/CodeSystem/mrcc-cds";
  /** A code of our CodeSystem that referrals stored in EHRs carry: kept as published (docs/architecture.md). */
  static final String TUMOUR_BOARD_CODE = "tumor-board-review";
  static final String TUMOUR_BOARD_DISPLAY = "Multidisciplinary tumour board review";
  static final String OVERRIDE_REASONS = "http://metastasectomy-cds.org/fhir/CodeSystem/override-reason";

  static final List<Coding> OVERRIDE = List.of(
      new Coding("already-discussed", OVERRIDE_REASONS, "Already discussed at tumour board"),
      new Coding("patient-declines-surgery", OVERRIDE_REASONS, "Patient declines surgery"),
      new Coding("not-surgical-candidate", OVERRIDE_REASONS, "Not a surgical candidate"),
      new Coding("other", OVERRIDE_REASONS, "Other reason"));
}
