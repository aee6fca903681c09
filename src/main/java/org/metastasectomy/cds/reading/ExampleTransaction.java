package org.metastasectomy.cds.reading;

import ca.uhn.fhir.context.FhirContext;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Resource;

/**
 * The example patients of fhir-profiles/examples/ as one FHIR transaction: every resource once (scenarios share
 * patients), each as a PUT to its own id so the ids the example hook requests use are kept, and loading twice updates
 * rather than duplicates.
 */
public final class ExampleTransaction {
  private ExampleTransaction() {}

  /** @throws IllegalArgumentException when two examples hold different resources under one type and id */
  public static Bundle build(FhirContext fhir, Collection<String> collectionBundles, String serverBase) {
    Map<String, Resource> byId = new LinkedHashMap<>();
    for (String json : collectionBundles) {
      Bundle collection = fhir.newJsonParser().parseResource(Bundle.class, json);
      for (Bundle.BundleEntryComponent entry : collection.getEntry()) {
        Resource resource = entry.getResource();
        String key = resource.fhirType() + "/" + resource.getIdElement().getIdPart();
        Resource earlier = byId.putIfAbsent(key, resource);
        if (earlier != null && !earlier.equalsDeep(resource)) {
          throw new IllegalArgumentException("two different examples are both " + key);
        }
      }
    }
    String base = serverBase.replaceAll("/+$", "");
    Bundle transaction = new Bundle().setType(Bundle.BundleType.TRANSACTION);
    byId.forEach((key, resource) -> transaction.addEntry()
        .setFullUrl(base + "/" + key)
        .setResource(resource)
        .getRequest().setMethod(Bundle.HTTPVerb.PUT).setUrl(key));
    return transaction;
  }
}
