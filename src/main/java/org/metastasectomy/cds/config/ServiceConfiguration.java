package org.metastasectomy.cds.config;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.LenientErrorHandler;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.apache.http.client.config.RequestConfig;
import org.apache.http.impl.client.CloseableHttpClient;
import org.apache.http.impl.client.HttpClientBuilder;
import org.metastasectomy.cds.audit.AuditRepository;
import org.metastasectomy.cds.audit.AuditWriter;
import org.metastasectomy.cds.audit.FeedbackRepository;
import org.metastasectomy.cds.audit.IssuedCardRepository;
import org.metastasectomy.cds.audit.PatientHasher;
import org.metastasectomy.cds.audit.SuppressionRepository;
import org.metastasectomy.cds.cards.OrderCardBuilder;
import org.metastasectomy.cds.cards.TumourBoardCardBuilder;
import org.metastasectomy.cds.intake.CircuitBreakers;
import org.metastasectomy.cds.reading.DraftOrderReader;
import org.metastasectomy.cds.intake.EhrFhirClient;
import org.metastasectomy.cds.intake.FetchSettings;
import org.metastasectomy.cds.intake.InputCheck;
import org.metastasectomy.cds.intake.FhirWarmUp;
import org.metastasectomy.cds.reading.PatientFeatureMapper;
import org.metastasectomy.cds.reading.PatientRecords;
import org.metastasectomy.cds.intake.PrefetchResolver;
import org.metastasectomy.cds.model.Assessor;
import org.metastasectomy.cds.model.OrderRules;
import org.metastasectomy.cds.intake.FhirServerPolicy;
import org.metastasectomy.cds.hooks.FeedbackService;
import org.metastasectomy.cds.hooks.HookService;
import org.metastasectomy.cds.hooks.JsonBodyReader;
import org.metastasectomy.cds.hooks.PublicUrls;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** The request pipeline, the EHR FHIR client and the database side. */
@Configuration(proxyBeanMethods = false)
class ServiceConfiguration {
  private static final Logger log = LoggerFactory.getLogger(ServiceConfiguration.class);

  @Bean
  Clock clock() {
    return Clock.systemDefaultZone();
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
   * unpacking (the client's gzip unpacking has no limit; intake/FhirGet unpacks within the cap).
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
    FhirContext ehr = FhirContext.forR4();
    ehr.setParserErrorHandler(new LenientErrorHandler(false));
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

  /** HAPI warmed up before the service reports ready, so the first patient's fetch fits the deadline. */
  @Bean
  ApplicationRunner fhirWarmUp(FhirContext fhir, EhrFhirClient ehrFhirClient) {
    return args -> FhirWarmUp.run(fhir, ehrFhirClient);
  }

  @Bean
  PrefetchResolver prefetchResolver(EhrFhirClient client) {
    return new PrefetchResolver(client);
  }

  @Bean
  PatientRecords patientRecords(FhirContext fhir, ObjectMapper json) {
    return new PatientRecords(fhir, json);
  }

  @Bean
  PatientHasher patientHasher(CdsProperties props, JdbcClient jdbc) {
    String configured = props.audit().patientHashKey();
    if (!configured.isBlank()) {
      return new PatientHasher(configured.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
    return new PatientHasher(storedKey(jdbc));
  }

  /** A random key generated once and kept in the database, so all replicas hash patients alike. */
  private static byte[] storedKey(JdbcClient jdbc) {
    try {
      var existing = jdbc.sql("SELECT secret_value FROM service_secret WHERE name = 'patient-hash-key'").query(String.class).optional();
      if (existing.isPresent()) {
        return Base64.getDecoder().decode(existing.get());
      }
      byte[] key = new byte[32];
      new SecureRandom().nextBytes(key);
      try {
        jdbc.sql("INSERT INTO service_secret (name, secret_value) VALUES ('patient-hash-key', :v)")
            .param("v", Base64.getEncoder().encodeToString(key)).update();
        return key;
      } catch (RuntimeException race) {
        return Base64.getDecoder().decode(
            jdbc.sql("SELECT secret_value FROM service_secret WHERE name = 'patient-hash-key'").query(String.class).single());
      }
    } catch (RuntimeException e) {
      log.warn("patient-hash key not readable from the database; using a per-process key (suppression will not survive a restart)");
      byte[] key = new byte[32];
      new SecureRandom().nextBytes(key);
      return Arrays.copyOf(key, key.length);
    }
  }

  @Bean
  FeedbackRepository feedbackRepository(JdbcClient jdbc) {
    return new FeedbackRepository(jdbc);
  }

  @Bean
  IssuedCardRepository issuedCardRepository(JdbcClient jdbc) {
    return new IssuedCardRepository(jdbc);
  }

  @Bean
  SuppressionRepository suppressionRepository(JdbcClient jdbc) {
    return new SuppressionRepository(jdbc);
  }

  /** Audit and issued-card rows are written off the request path, in batches (queue of 10,000 rows). */
  @Bean(destroyMethod = "close")
  AuditWriter auditWriter(AuditRepository audit, IssuedCardRepository issuedCards, TransactionTemplate transactions,
      MeterRegistry metrics) {
    return new AuditWriter(audit, issuedCards, transactions, metrics, 10_000);
  }

  @Bean
  AuditRepository auditRepository(JdbcClient jdbc) {
    return new AuditRepository(jdbc);
  }

  @Bean
  HookService hookService(PrefetchResolver resolver, PatientRecords records, PatientFeatureMapper mapper, Assessor assessor, OrderRules orderRules,
      DraftOrderReader orderReader, TumourBoardCardBuilder tumourBoardCards, OrderCardBuilder orderCards,
      SuppressionRepository suppressions, AuditWriter audit, PatientHasher hasher, FhirContext fhir, ObjectMapper json,
      Clock clock, CdsProperties props, MeterRegistry metrics, InputCheck inputCheck) {
    return new HookService(new HookService.Parts(resolver, records, mapper, assessor, orderRules, orderReader, tumourBoardCards,
        orderCards, suppressions, audit, hasher, fhir, json, clock, Duration.ofDays(props.feedback().suppressionDays()), metrics,
        props.audit().storeClinicalValues()), inputCheck);
  }

  @Bean
  FeedbackService feedbackService(FeedbackRepository repository, IssuedCardRepository issuedCards, MeterRegistry metrics,
      AuditWriter auditWriter, Clock clock) {
    return new FeedbackService(repository, issuedCards, metrics, auditWriter::flush, clock);
  }

  @Bean
  JsonBodyReader jsonBodyReader(ObjectMapper json, CdsProperties props) {
    return new JsonBodyReader(json, props.limits().maxBody().toBytes(), props.limits().maxNestingDepth(), props.limits().maxStringLength());
  }

  @Bean
  PublicUrls publicUrls(CdsProperties props) {
    return new PublicUrls(props.security().publicBaseUrl());
  }
}
