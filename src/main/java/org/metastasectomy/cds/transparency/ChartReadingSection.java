package org.metastasectomy.cds.transparency;

import org.metastasectomy.cds.knowledge.KnowledgeBase;
import org.metastasectomy.cds.reading.PatientFeatureMapper;

/**
 * How the chart's data are read before any rule sees them (issue 11): which results count, which reference range, which
 * dates. Each paragraph is a rule of the reading layer, with its source.
 */
final class ChartReadingSection {
  private final KnowledgeBase knowledge;

  ChartReadingSection(KnowledgeBase knowledge) {
    this.knowledge = knowledge;
  }

  void write(HtmlWriter w) {
    w.open("section", "id", "chart-reading").element("h2", "How the chart is read");
    w.element("p", "Dates in the future do not count: a laboratory result, performance status, diagnosis, metastasis "
        + "onset, procedure, therapy start or tumour board dated after today plus " + PatientFeatureMapper.CLOCK_SKEW_DAYS
        + " day (allowance for an EHR clock or timezone ahead of ours) is ignored, and the card lists it with its date.");
    w.element("p", "Results: only final, amended and corrected Observations count. A preliminary ECOG, Karnofsky or "
        + "laboratory result is not used, and the card says \"preliminary result only\" with its value and date, never "
        + "\"not recorded\". Entered-in-error and cancelled results never count and are not shown.");
    w.element("p", "Reference ranges: of an Observation's referenceRange entries, only the limits of normal count (type "
        + "normal, or no type); a therapeutic or recommended range is not a limit of normal. A range applies when its "
        + "appliesTo names the patient's sex (SNOMED CT 248153007 male, 248152002 female: FHIR R4 ValueSet "
        + "referencerange-appliesto) and its age contains the patient's age; a range with neither applies to everyone; the "
        + "most specific fitting range wins. Another sex's range is never used. With no fitting range the limit is the "
        + "hospital's configured default for the patient's sex (cds.model.reference-ranges), else unknown.");
    w.element("p", "Corrected calcium (calcium + 0.8 × (4.0 − albumin)) only from calcium and albumin of one draw: the "
        + "same specimen (Observation.specimen), or the same calendar day. Otherwise it is unknown, and the card says why.");
    w.element("p", "Sarcomatoid features are reported or unknown: ICD-O-3 8318/3 on the primary or on any histology "
        + "Observation reports them; no histology code says they are absent. Sarcomatoid differentiation occurs in any "
        + "subtype, so 8318/3 counts once, as sarcomatoid, and leaves the subtype (clear cell or not) unknown unless another "
        + "report gives it.");
    w.element("p", "Time from diagnosis to systemic treatment (IMDC, MSKCC): only therapy for metastatic disease starts it "
        + "— the earliest systemic therapy started on or after the first metastasis, or any when the patient was M1 at "
        + "diagnosis; adjuvant or neoadjuvant therapy before the first metastasis does not. A patient not yet treated for "
        + "metastatic disease is counted to today (the assessment date), and only when the medication history was read. "
        + "When the start cannot be told (an undated therapy; a therapy while the first metastasis is undated) the factor "
        + "is unknown, unless the diagnosis is less than the cut-off ago.");
    CitationList.write(w, knowledge.citations(), java.util.List.of("heng2009", "motzer2002"));
    w.close("section");
  }
}
