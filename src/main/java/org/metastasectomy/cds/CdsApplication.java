package org.metastasectomy.cds;

import org.metastasectomy.cds.config.StartupPreloads;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

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
    app.addListeners(new StartupPreloads());
    app.run(args);
  }
}
