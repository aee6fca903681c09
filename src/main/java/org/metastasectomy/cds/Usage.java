package org.metastasectomy.cds;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Properties;

/** {@code java -jar metastasectomy-cds.jar --help}: what the jar does and how to start it, without starting anything. */
final class Usage {
  private Usage() {}

  static boolean isRequested(String[] args) {
    return Arrays.stream(args).anyMatch(a -> a.equals("--help") || a.equals("-h"));
  }

  static String text() {
    String jar = "metastasectomy-cds-" + version() + ".jar";
    return """
        metastasectomy-cds %1$s: CDS Hooks 2.0 service, tumour board review of metastasectomy in metastatic RCC.

        Usage:
          java -jar %2$s [--setting=value ...]
              start the service (http://localhost:8080)
          java -jar %2$s load-examples --fhir-server <FHIR R4 base URL>
              load the example patients into a FHIR server, then exit
          java -jar %2$s --help
              this text

        Settings are given as --name=value or as environment variables; README.md (Configuration) lists every one:
          --server.port=8181
              another HTTP port (SERVER_PORT)
          --spring.profiles.active=prod
              production checks; prod,json-logs adds JSON log lines (SPRING_PROFILES_ACTIVE)
          --spring.datasource.url=jdbc:postgresql://db.example.org:5432/cds
              the database; default: H2 files under ./data (SPRING_DATASOURCE_URL)
          --cds.fhir.allowed-servers[0]=https://ehr.example.org/fhir
              an EHR FHIR server the service may call (CDS_FHIR_ALLOWEDSERVERS_0)

        Once started: /cds-services (discovery), /rules (the rules explained), /actuator/health/readiness,
        /actuator/prometheus, /v3/api-docs (OpenAPI). Deployment: docs/deployment.md.
        """.formatted(version(), jar);
  }

  /** The project version, from META-INF/build-info.properties (spring-boot-maven-plugin build-info). */
  static String version() {
    try (InputStream in = Usage.class.getClassLoader().getResourceAsStream("META-INF/build-info.properties")) {
      if (in == null) {
        return "(version unknown)";
      }
      Properties build = new Properties();
      build.load(in);
      return build.getProperty("build.version", "(version unknown)");
    } catch (IOException e) {
      return "(version unknown)";
    }
  }
}
