package org.metastasectomy.cds.config;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.metastasectomy.cds.intake.FhirServerPolicy;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationListener;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Profiles;

/**
 * Under the {@code prod} profile, refuses to start a service that would take calls from anyone, send patient tokens
 * over plain http, or run on placeholder secrets or a local database: client authentication on with at least one
 * trusted issuer, an https public base URL (the token audience must not depend on the caller's Host header), https
 * FHIR servers only, a real patient-hash key and database credentials (not the deployment templates' change-me
 * markers), and a database other than H2 (replicas share one database: replay store, feedback, audit).
 *
 * <p>Runs as soon as the configuration is read (registered in META-INF/spring.factories), before any bean exists: no
 * database is opened and no migration runs on a refused start. {@link ProductionReadinessFailureAnalyzer} prints the
 * problems without a stack trace and the JVM exits non-zero.
 */
public final class ProductionReadiness implements ApplicationListener<ApplicationEnvironmentPreparedEvent>, Ordered {
  /** The templates' marker for a value to replace (deploy/kubernetes-secret.template.yaml, configmap.yaml). */
  static final String PLACEHOLDER = "change-me";

  /** A start refused under the prod profile, with every problem found. */
  public static final class NotReadyException extends RuntimeException {
    private final transient List<String> problems;

    NotReadyException(List<String> problems) {
      super("Refusing to start under the prod profile:\n - " + String.join("\n - ", problems));
      this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
      return problems;
    }
  }

  /** The database settings the check reads; never printed (a URL or password can hold a secret). */
  record Database(String url, String username, String password) {
    static final Database DEFAULT = new Database(null, null, null);
  }

  @Override
  public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
    ConfigurableEnvironment environment = event.getEnvironment();
    if (!environment.acceptsProfiles(Profiles.of("prod"))) {
      return;
    }
    Binder binder = Binder.get(environment);
    CdsProperties props = binder.bindOrCreate("cds", Bindable.of(CdsProperties.class));
    Database database = new Database(string(binder, "spring.datasource.url"), string(binder, "spring.datasource.username"),
        string(binder, "spring.datasource.password"));
    List<String> problems = problems(props, database);
    if (!problems.isEmpty()) {
      throw new NotReadyException(problems);
    }
  }

  /** After Spring Boot has read the configuration files and the profiles. */
  @Override
  public int getOrder() {
    return Ordered.LOWEST_PRECEDENCE;
  }

  static List<String> problems(CdsProperties props, Database database) {
    List<String> out = new ArrayList<>();
    CdsProperties.Security security = props.security();
    if (!security.jwt().enabled()) {
      out.add("cds.security.jwt.enabled must be true (" + EnvironmentVariables.of("cds.security.jwt.enabled") + "=true)");
    }
    if (security.jwt().issuers().isEmpty()) {
      out.add("no trusted issuer: set " + EnvironmentVariables.named("cds.security.jwt.issuers[0].iss") + " and "
          + EnvironmentVariables.named("cds.security.jwt.issuers[0].jwks-uri") + " or jwks-file");
    }
    if (!isHttps(security.publicBaseUrl())) {
      out.add(EnvironmentVariables.named("cds.security.public-base-url") + " must be the https URL the EHR calls; "
          + "it is the token audience");
    }
    List<String> servers = props.fhir().allowedServers();
    for (int i = 0; i < servers.size(); i++) {
      for (String name : FhirServerPolicy.names(servers.get(i))) {
        if (!isHttps(name)) {
          out.add("cds.fhir.allowed-servers[" + i + "] must be https: " + name);
        }
      }
    }
    if (props.fhir().allowInsecureHttp()) {
      out.add(EnvironmentVariables.named("cds.fhir.allow-insecure-http") + " must be false: the EHR's access token "
          + "would cross the network in clear text");
    }
    if (isPlaceholder(props.audit().patientHashKey())) {
      out.add(EnvironmentVariables.named("cds.audit.patient-hash-key") + " is still the template's change-me marker: "
          + "set a long random secret, the same on every replica, or leave it empty to have one generated in the database");
    }
    if (database.url() == null || database.url().trim().toLowerCase(Locale.ROOT).startsWith("jdbc:h2:")) {
      out.add(EnvironmentVariables.named("spring.datasource.url") + " is the local H2 database: set the PostgreSQL "
          + "database all replicas share, e.g. jdbc:postgresql://db.example.org:5432/cds");
    }
    for (String setting : List.of("spring.datasource.username", "spring.datasource.password")) {
      String value = setting.endsWith("username") ? database.username() : database.password();
      if (isPlaceholder(value)) {
        out.add(EnvironmentVariables.named(setting) + " is still the template's change-me marker");
      }
    }
    return out;
  }

  private static String string(Binder binder, String property) {
    return binder.bind(property, String.class).orElse(null);
  }

  private static boolean isPlaceholder(String value) {
    return value != null && value.trim().toLowerCase(Locale.ROOT).startsWith(PLACEHOLDER);
  }

  private static boolean isHttps(String url) {
    if (url == null || url.isBlank()) {
      return false;
    }
    try {
      URI uri = URI.create(url.trim());
      return uri.getScheme() != null && uri.getScheme().toLowerCase(Locale.ROOT).equals("https") && uri.getHost() != null;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}
