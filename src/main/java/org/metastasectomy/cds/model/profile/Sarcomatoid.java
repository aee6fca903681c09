package org.metastasectomy.cds.model.profile;

import org.metastasectomy.cds.model.Datum;
import org.metastasectomy.cds.model.FactorResult;
import org.metastasectomy.cds.model.Item;
import org.metastasectomy.cds.model.PatientFeatures;
import org.metastasectomy.cds.model.ProfileRule;
import org.metastasectomy.cds.model.RuleDefinition;
import org.metastasectomy.cds.model.RuleId;

/** SARCOMATOID: sarcomatoid features of the primary, as the reading of the histology records them. */
final class Sarcomatoid implements ProfileRule {
  @Override
  public RuleId id() {
    return RuleId.SARCOMATOID;
  }

  @Override
  public FactorResult evaluate(PatientFeatures p, RuleDefinition rule, long synchronousCutoffMonths) {
    if (!p.sarcomatoid().isKnown()) {
      return FactorResult.missing(id(), Datum.missing(Item.SARCOMATOID, p.sarcomatoid().why()));
    }
    return FactorResult.decided(id(), p.sarcomatoid().value(), p.sarcomatoid().sources(),
        Datum.of(Item.SARCOMATOID, p.sarcomatoid(), null));
  }
}
