package org.metastasectomy.cds.model.risk;

import org.metastasectomy.cds.model.Datum;
import org.metastasectomy.cds.model.FactorResult;
import org.metastasectomy.cds.model.Item;
import org.metastasectomy.cds.model.PatientFeatures;
import org.metastasectomy.cds.model.RiskFactor;
import org.metastasectomy.cds.model.RiskFactorDefinition;
import org.metastasectomy.cds.model.RuleId;
import org.metastasectomy.cds.model.Fact;
import org.metastasectomy.cds.model.Timeline;

/**
 * DIAG_TO_TREAT_LT_1Y: months from diagnosis to the start of systemic therapy for metastatic disease below the cut-off
 * (adjuvant or neoadjuvant therapy, started before the first metastasis, is not that start: {@link
 * Timeline#metastaticTherapy}). Not yet treated for metastatic disease (medication history read), it runs to today, as
 * for a decision to treat now. When the start cannot be told the interval is unknown — unless the diagnosis is recent
 * enough that any start falls within the cut-off.
 */
final class DiagnosisToTreatment implements RiskFactor {
  @Override
  public RuleId id() {
    return RuleId.DIAG_TO_TREAT_LT_1Y;
  }

  @Override
  public FactorResult evaluate(PatientFeatures p, RiskFactorDefinition factor) {
    Datum diagnosis = Datum.from(Item.DIAGNOSIS, p.diagnosisDate(), null);
    Datum therapy = Datum.from(Item.SYSTEMIC_THERAPY_START, Timeline.metastaticTherapy(p).start(), null);
    Fact<Long> months = Timeline.diagnosisToTreatmentMonths(p);
    if (months.isKnown()) {
      return FactorResult.decided(id(), months.value() < factor.threshold(), months.sources(),
          Datum.of(Item.DIAGNOSIS_TO_TREATMENT, months, "months"), diagnosis, therapy);
    }
    if (!p.diagnosisDate().isKnown()) {
      return FactorResult.missing(id(), diagnosis);
    }
    long sinceDiagnosis = Timeline.months(p.diagnosisDate().value(), p.asOf());
    if (sinceDiagnosis < factor.threshold()) {
      // Any treatment start before today lies within the cut-off too: met whatever the medication history holds.
      return FactorResult.decided(id(), true, p.diagnosisDate().sources(),
          Datum.of(Item.SINCE_DIAGNOSIS, sinceDiagnosis, "months", null, p.diagnosisDate().sources()), diagnosis);
    }
    return FactorResult.missing(id(), therapy, diagnosis);
  }
}
