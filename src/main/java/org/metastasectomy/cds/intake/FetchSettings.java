package org.metastasectomy.cds.intake;

import java.time.Duration;

/**
 * Limits for fetching missing prefetch from the EHR's FHIR server.
 *
 * @param deadline overall time for all keys of one request, so the answer stays near the spec's ~500 ms target
 * @param maxPages next-links followed per key (bounds endless paging)
 */
public record FetchSettings(Duration connectTimeout, Duration readTimeout, Duration deadline, int maxPages, int maxConcurrency) {}
