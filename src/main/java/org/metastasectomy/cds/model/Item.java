package org.metastasectomy.cds.model;

import java.time.LocalDate;
import java.util.List;

/** The items of the chart (other than laboratory values) that rules read or derive, with the type of their value. */
public enum Item implements Measure {
  METASTASIS_RECORDS("current metastasis records", Integer.class),
  LESIONS("lesions at one site", Integer.class),
  SITE("metastatic site", Site.class),
  /** Current sites in the order of {@link Site}: a List of Site. */
  SITES("current metastatic sites", List.class),
  /** Current sites other than bone, in the order the Conditions were recorded: a List of Site. */
  SITES_BESIDES_BONE("current metastatic sites besides bone", List.class),
  LUNG_LESIONS("lung lesions", Integer.class),
  DIAGNOSIS("diagnosis of the primary", LocalDate.class),
  NEPHRECTOMY("nephrectomy", LocalDate.class),
  FIRST_METASTASIS("first metastasis", LocalDate.class),
  DISEASE_FREE_INTERVAL("disease-free interval", Long.class),
  SYNCHRONOUS("metastasis present at diagnosis (synchronous)", Boolean.class),
  AGE("age", Integer.class),
  HISTOLOGY("histology", Histology.class),
  SARCOMATOID("sarcomatoid features", Boolean.class),
  GRADE("Fuhrman/ISUP grade", Integer.class),
  T_CATEGORY("primary tumour T category", Integer.class),
  N_CATEGORY("regional nodes N category", Integer.class),
  ECOG("ECOG performance status", Integer.class),
  KARNOFSKY("Karnofsky performance status", Integer.class),
  LOWER_LIMIT("lower limit of normal", Double.class),
  UPPER_LIMIT("upper limit of normal", Double.class),
  CORRECTED_CALCIUM("corrected calcium", Double.class),
  SYSTEMIC_THERAPY_START("start of systemic therapy", LocalDate.class),
  DIAGNOSIS_TO_TREATMENT("diagnosis to systemic therapy", Long.class),
  SINCE_DIAGNOSIS("time since diagnosis", Long.class),
  METASTASECTOMY("latest metastasectomy", LocalDate.class),
  /** Each metastasis Condition as "site: status" (active, not active, status not recorded): a List of String. */
  METASTASIS_STATUS("metastasis status", List.class),
  TUMOUR_BOARD_REVIEW("documented tumour board review", LocalDate.class),
  CANDIDACY("metastasectomy evidence profile", Candidacy.class),
  /** The favourable rules met: a List of RuleResult. */
  FAVOURABLE_FACTORS("favourable factors met", List.class),
  IMDC("IMDC risk", RiskResult.class);

  private final String label;
  private final Class<?> type;

  Item(String label, Class<?> type) {
    this.label = label;
    this.type = type;
  }

  @Override
  public String label() {
    return label;
  }

  @Override
  public Class<?> type() {
    return type;
  }
}
