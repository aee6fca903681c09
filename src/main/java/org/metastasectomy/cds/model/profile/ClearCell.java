package org.metastasectomy.cds.model.profile;

import org.metastasectomy.cds.model.Datum;
import org.metastasectomy.cds.model.FactorResult;
import org.metastasectomy.cds.model.Item;
import org.metastasectomy.cds.model.PatientFeatures;
import org.metastasectomy.cds.model.ProfileRule;
import org.metastasectomy.cds.model.RuleDefinition;
import org.metastasectomy.cds.model.RuleId;
import org.metastasectomy.cds.model.Fact;
import org.metastasectomy.cds.model.Histology;
import org.metastasectomy.cds.model.Reason;

/** NON_CLEAR_CELL and BONE_CLEAR_CELL: the primary's histology. "Renal cell carcinoma, NOS" is not specific: unknown. */
final class ClearCell implements ProfileRule {
  private final RuleId id;
  private final boolean clearCellIsMet;

  ClearCell(RuleId id, boolean clearCellIsMet) {
    this.id = id;
    this.clearCellIsMet = clearCellIsMet;
  }

  @Override
  public RuleId id() {
    return id;
  }

  @Override
  public FactorResult evaluate(PatientFeatures p, RuleDefinition rule, long synchronousCutoffMonths) {
    Fact<Histology> h = p.histology();
    if (!h.isKnown()) {
      return FactorResult.missing(id, Datum.missing(Item.HISTOLOGY, h.why()));
    }
    Datum histology = Datum.of(Item.HISTOLOGY, h, null);
    if (h.value() == Histology.RCC_NOS) {
      return FactorResult.unknown(id, new Reason.NotSpecific(Histology.RCC_NOS), histology);
    }
    return FactorResult.decided(id, (h.value() == Histology.CLEAR_CELL) == clearCellIsMet, h.sources(), histology);
  }
}
