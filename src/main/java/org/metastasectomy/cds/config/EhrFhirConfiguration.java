package org.metastasectomy.cds.config;

import ca.uhn.fhir.context.FhirContext;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.apache.http.client.config.RequestConfig;
import org.apache.http.impl.client.CloseableHttpClient;
import org.apache.http.impl.client.HttpClientBuilder;
import org.metastasectomy.cds.intake.CircuitBreakers;
import org.metastasectomy.cds.intake.EhrFhirClient;
import org.metastasectomy.cds.intake.FetchSettings;
import org.metastasectomy.cds.intake.FhirServerPolicy;
import org.metastasectomy.cds.intake.FhirPreload;
import org.metastasectomy.cds.intake.PrefetchResolver;
import org.metastasectomy.cds.reading.DraftOrderReader;
import org.metastasectomy.cds.reading.PatientFeatureMapper;
import org.metastasectomy.cds.reading.PatientRecords;
import org.metastasectomy.cds.reading.ReferenceRangeDefaults;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;

/** Intake from the EHR (prefetch, the FHIR client with its allow-list, pool and breakers) and reading FHIR. */
@Configuration(proxyBeanMethods = false)
class EhrFhirConfiguration {
  /** LOINC chest radiograph order codes (fhir-profiles/ValueSet-chest-radiograph-orders.json, sources in its README). */
  static final Set<String> CHEST_RADIOGRAPH_LOINC =
      Set.of("36554-4", "36643-5", "36298-8", "36320-0", "30745-4", "30746-2", "24648-8", "24647-0", "36687-2");

  /** The shared, cached R4 context: parsing prefetch and draft orders (loaded early by intake.FhirPreload). */
  @Bean
  FhirContext fhirContext() {
    return FhirPreload.start().contexts().shared();
  }

  @Bean
  FhirServerPolicy fhirServerPolicy(CdsProperties props, Environment env) {
    return new FhirServerPolicy(props.fhir().allowedServers(), env.acceptsProfiles(Profiles.of("prod")),
        props.fhir().allowInsecureHttp());
  }

  @Bean(destroyMethod = "shutdownNow")
  ExecutorService fhirFetchExecutor(CdsProperties props) {
    int n = props.fhir().maxConcurrency();
    return new ThreadPoolExecutor(n, n, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(n * 16), r -> {
      Thread t = new Thread(r, "fhir-fetch");
      t.setDaemon(true);
      return t;
    }, new ThreadPoolExecutor.AbortPolicy());
  }

  /**
   * One pooled HTTP client for all EHR calls: connection reuse, timeouts, no redirects (never to another host), no
   * automatic retries (the one retry of a GET is decided by EhrFhirClient, which knows the deadline) and no automatic
   * unpacking (the client's gzip unpacking has no limit; intake/FhirGet unpacks within the cap). As many connections
   * per route as fetch threads: a fetch never waits for a connection; the servers' bulkheads bound what one server gets.
   */
  @Bean(destroyMethod = "close")
  CloseableHttpClient ehrHttpClient(CdsProperties props) {
    RequestConfig config = RequestConfig.custom()
        .setConnectTimeout((int) props.fhir().connectTimeout().toMillis())
        .setConnectionRequestTimeout((int) props.fhir().connectTimeout().toMillis())
        .setSocketTimeout((int) props.fhir().readTimeout().toMillis())
        .setRedirectsEnabled(false)
        .setContentCompressionEnabled(false)
        .build();
    return HttpClientBuilder.create()
        .setDefaultRequestConfig(config)
        .disableRedirectHandling()
        .disableAutomaticRetries()
        .disableContentCompression()
        .setMaxConnTotal(props.fhir().maxConcurrency() * 4)
        .setMaxConnPerRoute(props.fhir().maxConcurrency())
        .useSystemProperties()
        .build();
  }

  /**
   * The EHR client, with a FhirContext of its own whose parsers log nothing about what they read: HAPI's default
   * lenient handler would log invalid values, which are patient data.
   */
  @Bean
  EhrFhirClient ehrFhirClient(CloseableHttpClient ehrHttpClient, FhirServerPolicy policy, CdsProperties props,
      ExecutorService fhirFetchExecutor, MeterRegistry metrics) {
    FhirContext ehr = FhirPreload.start().contexts().ehr();
    CircuitBreakers breakers = new CircuitBreakers(props.fhir().breakerMinimumCalls(), props.fhir().breakerOpenFor(),
        props.fhir().readTimeout());
    return new EhrFhirClient(ehrHttpClient, ehr, policy, fetchSettings(props.fhir()), fhirFetchExecutor, breakers,
        new FetchMetrics(metrics));
  }

  static FetchSettings fetchSettings(CdsProperties.Fhir f) {
    return new FetchSettings(f.connectTimeout(), f.readTimeout(), f.deadline(), f.patientViewDeadline(), f.maxPages(),
        f.maxConcurrency(), Math.min(f.maxConcurrencyPerServer(), f.maxConcurrency()), f.pageSize(),
        f.maxAnswerSize().toBytes(), f.maxEntries());
  }

  /**
   * HAPI warmed up before the service reports ready, so the first patient's fetch fits the deadline. The warm-up
   * itself runs on intake.FhirPreload's thread, begun before the context refresh; this waits for it.
   */
  @Bean
  ApplicationRunner fhirWarmUp() {
    return args -> FhirPreload.start().awaitWarmUp();
  }

  @Bean
  PrefetchResolver prefetchResolver(EhrFhirClient client) {
    return new PrefetchResolver(client);
  }

  @Bean
  PatientRecords patientRecords(FhirContext fhir) {
    return new PatientRecords(fhir);
  }

  @Bean
  PatientFeatureMapper patientFeatureMapper(CdsProperties props) {
    var ranges = props.model().referenceRanges();
    ReferenceRangeDefaults defaults = (lab, sex) -> {
      CdsProperties.SexRanges r = ranges.get(lab);
      if (r == null) {
        return Optional.empty();
      }
      CdsProperties.Range chosen = "male".equals(sex) && r.male() != null ? r.male()
          : "female".equals(sex) && r.female() != null ? r.female() : r.any();
      return Optional.ofNullable(chosen).map(c -> new ReferenceRangeDefaults.Range(c.low(), c.high()));
    };
    return new PatientFeatureMapper(props.model().lookbackDays(), defaults);
  }

  @Bean
  DraftOrderReader draftOrderReader(FhirContext fhir, ObjectMapper json) {
    return new DraftOrderReader(fhir, json, CHEST_RADIOGRAPH_LOINC);
  }
}
