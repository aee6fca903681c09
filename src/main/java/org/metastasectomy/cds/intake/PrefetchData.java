package org.metastasectomy.cds.intake;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.hl7.fhir.instance.model.api.IBaseResource;

/**
 * The patient's data for one request as it arrived, per prefetch key: the prefetched JSON (not parsed here) or the
 * resources fetched from the EHR, and the keys that could be had neither way.
 *
 * @param prefetched usable prefetch by key, as the request sent it
 * @param fetched what was fetched from the EHR's FHIR server, by key
 * @param unavailable keys whose data could be had neither by prefetch nor from the FHIR server
 */
public record PrefetchData(
    String patientId, Map<String, JsonNode> prefetched, Map<String, List<IBaseResource>> fetched, Set<String> unavailable) {

  public PrefetchData {
    // Copies that keep the keys' order; a prefetch value may be JSON null (NullNode), never a Java null.
    prefetched = Collections.unmodifiableMap(new LinkedHashMap<>(prefetched));
    fetched = Collections.unmodifiableMap(new LinkedHashMap<>(fetched));
    unavailable = Collections.unmodifiableSortedSet(new TreeSet<>(unavailable));
  }
}
