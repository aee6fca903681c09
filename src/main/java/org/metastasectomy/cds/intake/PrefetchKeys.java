package org.metastasectomy.cds.intake;

import java.util.List;
import java.util.Set;

/** The prefetch keys the service declares (cds-hooks/services/discovery.json) and which of them are required. */
public final class PrefetchKeys {
  private PrefetchKeys() {}

  public static final String PATIENT = "patient";
  public static final String CONDITIONS = "conditions";
  public static final String OBSERVATIONS = "observations";
  public static final String PROCEDURES = "procedures";
  public static final String MEDICATIONS = "medications";
  /** As published in discovery.json and configured in EHRs: the key keeps its name (docs/architecture.md). */
  public static final String TUMOUR_BOARD = "tumorBoard";

  /** Without these the service cannot tell whether the patient has RCC: 412 when they cannot be had. */
  public static final Set<String> REQUIRED = Set.of(PATIENT, CONDITIONS);

  /** What a clinician should know is missing when an optional key could not be fetched. */
  public static String describe(String key) {
    return switch (key) {
      case OBSERVATIONS -> "performance status and laboratory results";
      case PROCEDURES -> "procedures (nephrectomy, metastasectomy, tumour board)";
      case MEDICATIONS -> "systemic therapy orders";
      case TUMOUR_BOARD -> "tumour board referrals";
      case PATIENT -> "demographics";
      case CONDITIONS -> "diagnoses";
      default -> key;
    };
  }

  static final List<String> ALL = List.of(PATIENT, CONDITIONS, OBSERVATIONS, PROCEDURES, MEDICATIONS, TUMOUR_BOARD);
}
