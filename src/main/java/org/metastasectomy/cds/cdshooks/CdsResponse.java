package org.metastasectomy.cds.cdshooks;

import java.util.List;

/** {@code {"cards": [...]}}; an empty list means the service has nothing to say. */
public record CdsResponse(List<Card> cards) {

  public static CdsResponse empty() {
    return new CdsResponse(List.of());
  }
}
