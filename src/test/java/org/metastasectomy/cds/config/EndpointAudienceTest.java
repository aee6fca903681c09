package org.metastasectomy.cds.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.metastasectomy.cds.hooks.PublicUrls;
import org.springframework.mock.web.MockHttpServletRequest;

/** The audience a token must carry is the URL the EHR called, as CDS Hooks gives it for each endpoint. */
class EndpointAudienceTest {

  @Test
  void behindAProxyTheConfiguredPublicBaseUrlIsTheAudienceBase() {
    EndpointAudience audience = new EndpointAudience(new PublicUrls("https://cds.example.org/mrcc/"));
    assertThat(audience.apply(request("http", "10.0.0.7", 8080, "", "/cds-services")))
        .isEqualTo("https://cds.example.org/mrcc/cds-services");
    assertThat(audience.apply(request("http", "10.0.0.7", 8080, "", "/cds-services/metastasectomy-patient-view")))
        .isEqualTo("https://cds.example.org/mrcc/cds-services/metastasectomy-patient-view");
    assertThat(audience.apply(request("http", "10.0.0.7", 8080, "", "/cds-services/metastasectomy-patient-view/feedback")))
        .isEqualTo("https://cds.example.org/mrcc/cds-services/metastasectomy-patient-view/feedback");
  }

  @Test
  void withoutAPublicBaseUrlTheRequestUrlIsTheAudience() {
    EndpointAudience audience = new EndpointAudience(new PublicUrls(""));
    assertThat(audience.apply(request("https", "cds.example.org", 443, "", "/cds-services")))
        .isEqualTo("https://cds.example.org/cds-services");
    assertThat(audience.apply(request("http", "localhost", 8080, "/app", "/app/cds-services/x/feedback")))
        .isEqualTo("http://localhost:8080/app/cds-services/x/feedback");
  }

  @Test
  void aConfiguredBaseStandsForTheContextPath() {
    EndpointAudience audience = new EndpointAudience(new PublicUrls("https://cds.example.org"));
    assertThat(audience.apply(request("http", "10.0.0.7", 8080, "/app", "/app/cds-services")))
        .isEqualTo("https://cds.example.org/cds-services");
  }

  private static MockHttpServletRequest request(String scheme, String host, int port, String contextPath, String uri) {
    MockHttpServletRequest request = new MockHttpServletRequest("GET", uri);
    request.setScheme(scheme);
    request.setServerName(host);
    request.setServerPort(port);
    request.setContextPath(contextPath);
    return request;
  }
}
