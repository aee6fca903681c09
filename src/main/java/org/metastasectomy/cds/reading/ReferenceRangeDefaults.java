package org.metastasectomy.cds.reading;

import java.util.Optional;
import org.metastasectomy.cds.model.Lab;

/**
 * The laboratory's reference limits to use when an Observation carries no referenceRange. The product ships none: the
 * evidence gives no reference ranges, and limits are laboratory-specific, so a hospital configures its own.
 */
public interface ReferenceRangeDefaults {

  /** A limit pair in the lab's canonical unit; either bound may be null. */
  record Range(Double low, Double high) {}

  /** @param sex FHIR administrative gender (male, female, other, unknown) or null */
  Optional<Range> find(Lab lab, String sex);

  static ReferenceRangeDefaults none() {
    return (lab, sex) -> Optional.empty();
  }
}
