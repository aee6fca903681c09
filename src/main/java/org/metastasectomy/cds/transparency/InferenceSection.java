package org.metastasectomy.cds.transparency;

/**
 * What the service reads into the chart, and what it never infers (issue 12 item 9). Each line names the rule object
 * or reader that holds it, so a reviewer can check the code says the same.
 */
final class InferenceSection {
  private static final String[][] RULES = {
      {"Unknown is never normal", "A value that is missing, too old, not fetched, future-dated or unusable makes every "
          + "rule that needs it unknown; it is never counted as absent, normal or zero (FactorStatus, FactorResult)."},
      {"ECOG and Karnofsky", "Never converted into each other: IMDC and MSKCC need Karnofsky, the liver rule needs ECOG "
          + "(KarnofskyBelow, EcogAbove)."},
      {"Limits of normal", "Taken from the result's reference range, or from a default the hospital configures "
          + "(cds.model.reference-ranges); never invented. Without one, the factor is unknown (LimitOfNormal)."},
      {"Corrected calcium", "Computed only when albumin is recorded too: Ca + 0.8 × (4.0 − albumin), mg/dL and g/dL; "
          + "never from calcium alone (CorrectedCalcium)."},
      {"Histology", "\"Renal cell carcinoma, NOS\" is read as neither clear-cell nor non-clear-cell (ClearCell)."},
      {"Number of lesions", "One metastasis Condition without a lesion count is not taken as one lesion: solitary is "
          + "then unknown (Solitary)."},
      {"Untreated", "No systemic therapy recorded means untreated only when the medication history was read "
          + "(PatientFeatures.medicationHistoryAvailable)."},
      {"Look-back", "Performance status and laboratory results older than the look-back window are not used; the card "
          + "shows the last value and its date (ObservationReader)."},
      {"Disease-free interval", "Counted from the nephrectomy, or from the diagnosis when no nephrectomy is recorded, to "
          + "the first recorded metastasis (DiseaseFreeInterval)."},
      {"Synchronous", "The first metastasis recorded no later than the diagnosis plus the configured months "
          + "(synchronousCutoffMonths); never assumed from the stage alone (Timing)."},
  };

  void write(HtmlWriter w) {
    w.open("section", "id", "inference").element("h2", "What is read, and what is never inferred");
    w.open("dl");
    for (String[] rule : RULES) {
      w.element("dt", rule[0]).element("dd", rule[1]);
    }
    w.close("dl").close("section");
  }
}
