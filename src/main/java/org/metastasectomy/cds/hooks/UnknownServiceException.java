package org.metastasectomy.cds.hooks;

/** No service with this id (HTTP 404). */
public class UnknownServiceException extends RuntimeException {
  public UnknownServiceException(String id) {
    super("no CDS service with id '" + id + "'");
  }
}
