package org.metastasectomy.cds.hooks;

import java.util.List;

/** No service with this id (HTTP 404); the message lists the ids there are, so the caller can correct its URL. */
public class UnknownServiceException extends RuntimeException {
  public UnknownServiceException(String id, List<String> knownIds) {
    super("no CDS service with id '" + id + "'; the services here are " + String.join(", ", knownIds)
        + " (GET /cds-services describes them)");
  }
}
