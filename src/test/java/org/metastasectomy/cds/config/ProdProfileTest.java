package org.metastasectomy.cds.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.jwk.JWKSet;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.metastasectomy.cds.CdsApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.Curve;
import org.springframework.core.NestedExceptionUtils;

/** The prod profile refuses to start open, and starts once an issuer and an https public URL are configured. */
class ProdProfileTest {

  @Test
  void prodWithoutATrustedIssuerDoesNotStart() {
    assertThatThrownBy(() -> start("--cds.security.public-base-url=https://cds.example.org").close())
        .satisfies(e -> assertThat(NestedExceptionUtils.getMostSpecificCause(e).getMessage())
            .contains("Refusing to start under the prod profile")
            .contains("no trusted issuer: set cds.security.jwt.issuers[0].iss"));
  }

  @Test
  void prodWithAnIssuerAndAnHttpsPublicUrlStartsWithAuthenticationOn(@TempDir Path dir) throws Exception {
    Path jwks = dir.resolve("ehr-jwks.json");
    Files.writeString(jwks, new JWKSet(new ECKeyGenerator(Curve.P_384).keyID("k1").generate().toPublicJWK()).toString());
    try (ConfigurableApplicationContext context = start(
        "--cds.security.public-base-url=https://cds.example.org",
        "--cds.security.jwt.issuers[0].iss=https://ehr.example.org",
        "--cds.security.jwt.issuers[0].jwks-file=" + jwks)) {
      assertThat(context.getEnvironment().getProperty("cds.security.jwt.enabled")).isEqualTo("true");
      assertThat(context.containsBean("jwtVerifier")).isTrue();
    }
  }

  private static ConfigurableApplicationContext start(String... args) {
    String[] all = new String[args.length + 2];
    all[0] = "--server.port=0";
    all[1] = "--spring.datasource.url=jdbc:h2:mem:prod-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
    System.arraycopy(args, 0, all, 2, args.length);
    return new SpringApplicationBuilder(CdsApplication.class).profiles("prod").run(all);
  }
}
