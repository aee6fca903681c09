package org.metastasectomy.fhirtestserver;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.IValidationSupport;
import ca.uhn.fhir.jpa.api.config.JpaStorageSettings;
import ca.uhn.fhir.jpa.api.dao.IFhirSystemDao;
import ca.uhn.fhir.jpa.provider.IJpaSystemProvider;
import ca.uhn.fhir.jpa.provider.JpaCapabilityStatementProvider;
import ca.uhn.fhir.jpa.search.DatabaseBackedPagingProvider;
import ca.uhn.fhir.rest.server.HardcodedServerAddressStrategy;
import ca.uhn.fhir.rest.server.RestfulServer;
import ca.uhn.fhir.rest.server.provider.ResourceProviderFactory;
import ca.uhn.fhir.rest.server.util.ISearchParamRegistry;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.apache.catalina.Context;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.startup.Tomcat;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * {@code java -jar fhir-test-server.jar --database <dir> [--port 0] [--server-address URL] [--default-page-size 20]
 * [--max-page-size 200] [--stop-when-stdin-closes true]}: a HAPI FHIR JPA server (R4) on 127.0.0.1 with base path
 * {@code /fhir}. Prints {@code FHIR-TEST-SERVER READY <base URL> <start ms> <probe ms>} when it is ready for traffic,
 * then runs until it is stopped or, by default, until its standard input closes (so it never outlives the test that
 * started it). The page sizes default to those of hapi-fhir-jpaserver-starter.
 *
 * <p>Ready means what a load balancer's readiness probe means before it sends a restarted server traffic: the server
 * has answered its capability statement ({@code GET /fhir/metadata}). HAPI's first request loads its whole REST layer
 * (2 to 17 s on the shared 2-core machine, depending on its load); no EHR server in rotation shows that to a client.
 * It has served no search: its search paths, queries and database pages are cold, as an EHR's server is just after a
 * restart.
 */
public final class FhirTestServer {
  private FhirTestServer() {}

  public static void main(String[] args) throws Exception {
    long start = System.nanoTime();
    Map<String, String> options = options(args);
    Path database = Path.of(options.getOrDefault("database", Files.createTempDirectory("fhir-test-server").toString()));
    AnnotationConfigApplicationContext spring = new AnnotationConfigApplicationContext();
    spring.getEnvironment().getPropertySources().addFirst(new MapPropertySource("options",
        Map.of("fhir.jdbc-url", "jdbc:h2:file:" + database.toAbsolutePath().resolve("hapi") + ";DB_CLOSE_ON_EXIT=FALSE")));
    spring.register(JpaServerConfig.class);
    spring.refresh();

    RestfulServer fhir = new RestfulServer(spring.getBean(FhirContext.class));
    fhir.registerProviders(spring.getBean(ResourceProviderFactory.class).createProviders());
    fhir.registerProvider(spring.getBean(IJpaSystemProvider.class));
    DatabaseBackedPagingProvider paging = spring.getBean(DatabaseBackedPagingProvider.class);
    paging.setDefaultPageSize(Integer.parseInt(options.getOrDefault("default-page-size", "20")));
    paging.setMaximumPageSize(Integer.parseInt(options.getOrDefault("max-page-size", "200")));
    fhir.setPagingProvider(paging);
    fhir.setServerConformanceProvider(new JpaCapabilityStatementProvider(fhir, spring.getBean(IFhirSystemDao.class),
        spring.getBean(JpaStorageSettings.class), spring.getBean(ISearchParamRegistry.class),
        spring.getBean(IValidationSupport.class)));
    if (options.containsKey("server-address")) {
      fhir.setServerAddressStrategy(new HardcodedServerAddressStrategy(options.get("server-address")));
    }

    Tomcat tomcat = new Tomcat();
    Path work = Files.createTempDirectory("fhir-test-server-tomcat");
    tomcat.setBaseDir(work.toString());
    Connector connector = new Connector();
    connector.setPort(Integer.parseInt(options.getOrDefault("port", "0")));
    connector.setProperty("address", "127.0.0.1");
    tomcat.setConnector(connector);
    Context context = tomcat.addContext("", work.toString());
    Tomcat.addServlet(context, "fhir", fhir).setLoadOnStartup(1);
    context.addServletMappingDecoded("/fhir/*", "fhir");
    tomcat.start();

    int port = tomcat.getConnector().getLocalPort();
    long started = (System.nanoTime() - start) / 1_000_000;
    long probe = readinessProbe("http://127.0.0.1:" + port + "/fhir/metadata");
    System.out.println("FHIR-TEST-SERVER READY http://127.0.0.1:" + port + "/fhir " + started + " " + probe);
    System.out.flush();
    Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(tomcat, spring)));
    if (Boolean.parseBoolean(options.getOrDefault("stop-when-stdin-closes", "true"))) {
      while (System.in.read() >= 0) {
        // runs until standard input closes
      }
      System.exit(0);
    }
    Thread.currentThread().join();
  }

  /** GET the capability statement once; returns how long it took (ms). */
  private static long readinessProbe(String url) throws Exception {
    long start = System.nanoTime();
    HttpURLConnection probe = (HttpURLConnection) URI.create(url).toURL().openConnection();
    probe.setRequestProperty("Accept", "application/fhir+json");
    probe.setConnectTimeout(60_000);
    probe.setReadTimeout(600_000);
    try (InputStream body = probe.getInputStream()) {
      body.transferTo(OutputStream.nullOutputStream());
    }
    if (probe.getResponseCode() != 200) {
      throw new IllegalStateException("readiness probe: HTTP " + probe.getResponseCode());
    }
    return (System.nanoTime() - start) / 1_000_000;
  }

  private static void stop(Tomcat tomcat, AnnotationConfigApplicationContext spring) {
    try {
      tomcat.stop();
      tomcat.destroy();
    } catch (Exception ignored) {
      // the JVM is ending
    } finally {
      spring.close();
    }
  }

  private static Map<String, String> options(String[] args) {
    Map<String, String> out = new HashMap<>();
    for (int i = 0; i + 1 < args.length; i += 2) {
      if (!args[i].startsWith("--")) {
        throw new IllegalArgumentException("expected --name value pairs, got " + args[i]);
      }
      out.put(args[i].substring(2), args[i + 1]);
    }
    return out;
  }
}
