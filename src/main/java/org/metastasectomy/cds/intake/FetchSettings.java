package org.metastasectomy.cds.intake;

import java.time.Duration;

/**
 * Limits for fetching missing prefetch from the EHR's FHIR server (cds.fhir.*, README).
 *
 * @param connectTimeout per connection; also the least time that must be left before the deadline for a retry
 * @param readTimeout longest silence on the socket while an answer is awaited or read
 * @param deadline all keys of one order-select or order-sign request, fetched in parallel: every GET still running
 *     then is aborted
 * @param patientViewDeadline the same for patient-view, which is not order-time critical
 * @param maxPages pages read per key (bounds endless paging)
 * @param maxConcurrency fetch threads shared by all requests and servers
 * @param maxConcurrencyPerServer fetch threads one FHIR server may hold at once (its bulkhead)
 * @param pageSize the {@code _count} asked of a search, so that a typical patient needs one page per key
 * @param maxAnswerBytes the cap per key (all its pages), on the bytes received and, separately, on what they unpack to
 * @param maxEntries the cap on Bundle entries per key (all its pages)
 */
public record FetchSettings(
    Duration connectTimeout, Duration readTimeout, Duration deadline, Duration patientViewDeadline, int maxPages,
    int maxConcurrency, int maxConcurrencyPerServer, int pageSize, long maxAnswerBytes, int maxEntries) {

  /** The shipped defaults (config/CdsProperties; FetchSettingsDefaultsTest keeps them equal), for tests that vary one or two. */
  public static FetchSettings defaults() {
    return new FetchSettings(Duration.ofMillis(500), Duration.ofMillis(2500), Duration.ofMillis(1500), Duration.ofSeconds(3),
        10, 32, 24, 200, 4L * 1024 * 1024, 2000);
  }

  public FetchSettings withDeadlines(Duration orders, Duration patientView) {
    return new FetchSettings(connectTimeout, readTimeout, orders, patientView, maxPages, maxConcurrency,
        maxConcurrencyPerServer, pageSize, maxAnswerBytes, maxEntries);
  }

  public FetchSettings withTimeouts(Duration connect, Duration read) {
    return new FetchSettings(connect, read, deadline, patientViewDeadline, maxPages, maxConcurrency,
        maxConcurrencyPerServer, pageSize, maxAnswerBytes, maxEntries);
  }

  public FetchSettings withConcurrency(int total, int perServer) {
    return new FetchSettings(connectTimeout, readTimeout, deadline, patientViewDeadline, maxPages, total, perServer,
        pageSize, maxAnswerBytes, maxEntries);
  }

  public FetchSettings withCaps(int pages, int count, long answerBytes, int entries) {
    return new FetchSettings(connectTimeout, readTimeout, deadline, patientViewDeadline, pages, maxConcurrency,
        maxConcurrencyPerServer, count, answerBytes, entries);
  }

  /** The deadline for one request of this hook. */
  public Duration deadlineFor(String hook) {
    return "patient-view".equals(hook) ? patientViewDeadline : deadline;
  }
}
