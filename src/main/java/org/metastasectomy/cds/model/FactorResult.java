package org.metastasectomy.cds.model;

import java.util.List;
import java.util.Optional;

/**
 * One rule evaluated for one patient, as structured data that the card, the rules page and the audit all render: the
 * status, the data the rule read (each with value, unit, date and sources), the resources that decide the status, the
 * citations, and when the status is UNKNOWN the typed reason.
 *
 * @param sources the FHIR references the status rests on (shown beside a met factor)
 * @param reason why the status is UNKNOWN; null otherwise
 */
public record FactorResult(
    RuleId id, FactorStatus status, List<Datum> data, List<String> sources, List<String> citations, Reason reason) {

  public FactorResult {
    data = List.copyOf(data);
    sources = List.copyOf(sources);
    citations = List.copyOf(citations);
    if ((status == FactorStatus.UNKNOWN) != (reason != null)) {
      throw new IllegalArgumentException(id + ": a reason is given exactly when the status is unknown");
    }
  }

  public static FactorResult decided(RuleId id, boolean met, List<String> sources, Datum... data) {
    return new FactorResult(id, FactorStatus.of(met), List.of(data), sources, List.of(), null);
  }

  public static FactorResult unknown(RuleId id, Reason why, Datum... data) {
    return new FactorResult(id, FactorStatus.UNKNOWN, List.of(data), List.of(), List.of(), why);
  }

  /** Unknown for the reason the first missing datum gives (not recorded when none says). */
  public static FactorResult missing(RuleId id, Datum... data) {
    Reason why = List.of(data).stream().map(Datum::missing).filter(r -> r != null).findFirst().orElse(Reason.NOT_RECORDED);
    return unknown(id, why, data);
  }

  /** The same result with the citations of the rule's definition. */
  public FactorResult citing(List<String> citationIds) {
    return new FactorResult(id, status, data, sources, citationIds, reason);
  }

  public boolean met() {
    return status == FactorStatus.MET;
  }

  public Optional<Datum> datum(Measure what) {
    return data.stream().filter(d -> d.what() == what).findFirst();
  }

  /** The datum the rule always reports; its absence is a programming error. */
  public Datum get(Measure what) {
    return datum(what).orElseThrow(() -> new IllegalStateException(id + " reported no " + what));
  }
}
