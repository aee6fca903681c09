package org.metastasectomy.cds;

import org.metastasectomy.cds.intake.FhirPreload;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.ApplicationListener;
import org.springframework.core.Ordered;

/** CDS Hooks service: tumour board review of metastasectomy in metastatic renal cell carcinoma. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class CdsApplication {
  public static void main(String[] args) {
    if (Usage.isRequested(args)) {
      System.out.print(Usage.text());
      return;
    }
    if (LoadExamplesCommand.isRequested(args)) {
      // a one-shot command: no Spring context, no web server, no database
      QuietLogging.apply();
      System.exit(LoadExamplesCommand.run(args, System.out, System.err));
    }
    SpringApplication app = new SpringApplication(CdsApplication.class);
    app.addListeners(new StartFhirPreload());
    app.run(args);
  }

  /**
   * Begins loading HAPI on its own thread as soon as logging is configured (before that, Logback would log HAPI's
   * debug lines with its defaults), so it overlaps the context refresh.
   */
  static final class StartFhirPreload implements ApplicationListener<ApplicationEnvironmentPreparedEvent>, Ordered {
    @Override
    public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
      FhirPreload.start();
    }

    @Override
    public int getOrder() {
      return Ordered.LOWEST_PRECEDENCE; // after LoggingApplicationListener has configured logging
    }
  }
}
