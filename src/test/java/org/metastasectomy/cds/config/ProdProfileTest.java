package org.metastasectomy.cds.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.metastasectomy.cds.CdsApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The prod profile refuses to start open, on placeholder secrets or on the local H2 database, says why in a list
 * without a stack trace, and starts once an issuer, an https public URL and PostgreSQL are configured.
 * (The exit code of a refused start is checked on the packaged jar: JarLaunchIT.)
 */
@ExtendWith(OutputCaptureExtension.class)
class ProdProfileTest {

  @Test
  void prodOnTheDefaultsIsRefusedWithTheProblemsListedAndNoStackTrace(CapturedOutput output, @TempDir Path workDir) {
    assertThatThrownBy(() -> start("--cds.security.public-base-url=https://cds.example.org",
        "--cds.audit.patient-hash-key=change-me-to-a-long-random-string",
        "--spring.datasource.url=jdbc:h2:file:" + workDir.resolve("cds")).close())
        .isInstanceOfSatisfying(ProductionReadiness.NotReadyException.class, e -> assertThat(e.problems())
            .anyMatch(p -> p.startsWith("no trusted issuer: set cds.security.jwt.issuers[0].iss (CDS_SECURITY_JWT_ISSUERS_0_ISS)"))
            .anyMatch(p -> p.startsWith("cds.audit.patient-hash-key (CDS_AUDIT_PATIENTHASHKEY) is still"))
            .anyMatch(p -> p.startsWith("spring.datasource.url (SPRING_DATASOURCE_URL) is the local H2 database")));
    assertThat(output.getAll()).contains("APPLICATION FAILED TO START", "Refusing to start under the prod profile:",
        " - no trusted issuer", "Action:").doesNotContain("\tat ").doesNotContain("Exception");
    assertThat(workDir).as("refused before any database was opened").isEmptyDirectory();
  }

  @Test
  void prodWithAnIssuerAnHttpsPublicUrlAndPostgresStartsWithAuthenticationOn(@TempDir Path dir) throws Exception {
    Path jwks = dir.resolve("ehr-jwks.json");
    Files.writeString(jwks, new JWKSet(new ECKeyGenerator(Curve.P_384).keyID("k1").generate().toPublicJWK()).toString());
    try (EmbeddedPostgres postgres = EmbeddedPostgres.start();
        ConfigurableApplicationContext context = start(
            "--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"),
            "--spring.datasource.username=postgres",
            "--cds.security.public-base-url=https://cds.example.org",
            "--cds.security.jwt.issuers[0].iss=https://ehr.example.org",
            "--cds.security.jwt.issuers[0].jwks-file=" + jwks)) {
      assertThat(context.getEnvironment().getProperty("cds.security.jwt.enabled")).isEqualTo("true");
      assertThat(context.containsBean("jwtVerifier")).isTrue();
    }
  }

  private static ConfigurableApplicationContext start(String... args) {
    String[] all = new String[args.length + 1];
    all[0] = "--server.port=0";
    System.arraycopy(args, 0, all, 1, args.length);
    return new SpringApplicationBuilder(CdsApplication.class).profiles("prod").run(all);
  }
}
