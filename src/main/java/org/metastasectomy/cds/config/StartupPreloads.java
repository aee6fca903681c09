package org.metastasectomy.cds.config;

import org.apache.http.conn.ssl.SSLConnectionSocketFactory;
import org.apache.http.conn.util.PublicSuffixMatcherLoader;
import org.metastasectomy.cds.intake.FhirPreload;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.Ordered;

/**
 * Begins, on daemon threads, the start-up work that does not need the Spring context: HAPI's contexts and warm-up
 * (intake.FhirPreload), and the TLS and public-suffix defaults the EHR client's builder would otherwise load on the main
 * thread. Spring's context refresh runs mostly on one thread, so on two cores these overlap it. Registered by
 * CdsApplication.main; runs once logging is configured (before that, Logback would log HAPI's debug lines).
 */
public final class StartupPreloads implements ApplicationListener<ApplicationEnvironmentPreparedEvent>, Ordered {
  @Override
  public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
    FhirPreload.start();
    Thread tls = new Thread(StartupPreloads::loadTlsDefaults, "tls-preload");
    tls.setDaemon(true);
    tls.start();
  }

  @Override
  public int getOrder() {
    return Ordered.LOWEST_PRECEDENCE; // after LoggingApplicationListener
  }

  /**
   * The JDK's default TLS context (behind the system socket factory, as the builder's useSystemProperties() takes it)
   * is process-wide and thread-safe, as is the suffix list; a failure here is left for the builder to meet and report.
   */
  private static void loadTlsDefaults() {
    try {
      SSLConnectionSocketFactory.getSystemSocketFactory();
      PublicSuffixMatcherLoader.getDefault();
    } catch (Exception | LinkageError e) {
      // the builder loads them again and fails with its own message
    }
  }
}
