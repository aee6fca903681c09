package org.metastasectomy.cds.intake;

import java.util.List;

/** Required data could be had neither by prefetch nor from the EHR's FHIR server (HTTP 412). */
public class PrefetchUnavailableException extends RuntimeException {
  private final List<String> keys;

  public PrefetchUnavailableException(List<String> keys, String reason) {
    super("required data unavailable for prefetch keys " + keys + ": " + reason);
    this.keys = List.copyOf(keys);
  }

  public List<String> keys() {
    return keys;
  }
}
