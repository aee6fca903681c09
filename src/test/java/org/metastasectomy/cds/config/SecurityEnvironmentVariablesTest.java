package org.metastasectomy.cds.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/** The environment-variable names docs/security.md gives bind to the settings they claim to. */
class SecurityEnvironmentVariablesTest {

  @Test
  void documentedEnvironmentVariablesConfigureTheIssuerAllowlist() {
    Map<String, Object> env = Map.of(
        "CDS_SECURITY_JWT_ENABLED", "true",
        "CDS_SECURITY_PUBLIC_BASE_URL", "https://cds.example.org",
        "CDS_SECURITY_JWT_ISSUERS_0_ISS", "https://ehr.example.org",
        "CDS_SECURITY_JWT_ISSUERS_0_JWKS_URI", "https://ehr.example.org/.well-known/jwks.json",
        "CDS_SECURITY_JWT_ISSUERS_0_TENANTS_0", "hospital-a",
        "CDS_SECURITY_JWT_ISSUERS_1_ISS", "https://other-ehr.example.org",
        "CDS_SECURITY_JWT_ISSUERS_1_JWKS_FILE", "/etc/cds/other-ehr-jwks.json",
        "CDS_SECURITY_JWT_ALGORITHMS", "ES384,PS384",
        "CDS_SECURITY_JWT_MAX_LIFETIME", "5m");
    MutablePropertySources sources = new MutablePropertySources();
    sources.addFirst(new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, env));
    CdsProperties props = new Binder(ConfigurationPropertySources.from(sources)).bindOrCreate("cds", Bindable.of(CdsProperties.class));

    CdsProperties.Security security = props.security();
    assertThat(security.publicBaseUrl()).isEqualTo("https://cds.example.org");
    assertThat(security.jwt().enabled()).isTrue();
    assertThat(security.jwt().issuers()).containsExactly(
        new CdsProperties.Issuer("https://ehr.example.org", "https://ehr.example.org/.well-known/jwks.json", null, List.of("hospital-a")),
        new CdsProperties.Issuer("https://other-ehr.example.org", null, "/etc/cds/other-ehr-jwks.json", List.of()));
    assertThat(security.jwt().algorithms()).containsExactly("ES384", "PS384");
    assertThat(security.jwt().maxLifetime()).isEqualTo(Duration.ofMinutes(5));
    assertThat(security.jwt().clockSkew()).isEqualTo(Duration.ofSeconds(60));
  }
}
