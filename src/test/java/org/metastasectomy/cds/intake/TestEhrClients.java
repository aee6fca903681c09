package org.metastasectomy.cds.intake;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.LenientErrorHandler;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executor;
import org.apache.http.client.config.RequestConfig;
import org.apache.http.impl.client.CloseableHttpClient;
import org.apache.http.impl.client.HttpClientBuilder;

/** EhrFhirClients for unit tests, wired as config.EhrFhirConfiguration wires the real one. */
public final class TestEhrClients {
  private TestEhrClients() {}

  /** Like the service's: no redirects, no automatic retries, no automatic unpacking. */
  public static CloseableHttpClient http() {
    return HttpClientBuilder.create().disableRedirectHandling().disableAutomaticRetries().disableContentCompression()
        .setDefaultRequestConfig(RequestConfig.custom().setConnectTimeout(500).setSocketTimeout(10_000).build())
        .setMaxConnPerRoute(64).setMaxConnTotal(256).build();
  }

  public static EhrFhirClient client(CloseableHttpClient http, List<String> allowed, FetchSettings settings, Executor executor,
      CircuitBreakers breakers, FetchListener listener) {
    FhirContext fhir = FhirContext.forR4();
    fhir.setParserErrorHandler(new LenientErrorHandler(false));
    return new EhrFhirClient(http, fhir, new FhirServerPolicy(allowed, false), settings, executor, breakers, listener);
  }

  public static CircuitBreakers breakers() {
    return new CircuitBreakers(50, Duration.ofSeconds(30), Duration.ofSeconds(10));
  }
}
