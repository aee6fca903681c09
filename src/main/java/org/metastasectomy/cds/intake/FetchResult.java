package org.metastasectomy.cds.intake;

import java.util.List;
import org.hl7.fhir.instance.model.api.IBaseResource;

/** The outcome of fetching one prefetch key from the EHR: resources, or why not (no token or patient data in it). */
record FetchResult(List<IBaseResource> resources, String failure) {

  static FetchResult ok(List<IBaseResource> resources) {
    return new FetchResult(List.copyOf(resources), null);
  }

  static FetchResult failed(String why) {
    return new FetchResult(List.of(), why);
  }

  boolean failed() {
    return failure != null;
  }
}
