package org.metastasectomy.cds.config;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.Filter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** Only plain CDS Hooks paths skip Spring Security; everything a firewall would have to judge still goes through it. */
class SecurityExceptCdsEndpointsTest {

  @ParameterizedTest
  @ValueSource(strings = {"/cds-services", "/cds-services/metastasectomy-order-select", "/cds-services/metastasectomy-patient-view/feedback",
      "/cds-services/a.b_c-1"})
  void plainCdsHooksPathsSkipSpringSecurity(String path) throws Exception {
    assertThat(throughSecurity("", path)).isFalse();
    assertThat(throughSecurity("/ehr", "/ehr" + path)).as("under a context path").isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"/rules", "/actuator/health", "/", "/cds-servicesx", "/cds-services/", "/cds-services/..", "/cds-services/.",
      "/cds-services/../rules", "/cds-services/..;/rules", "/cds-services/a;jsessionid=1", "/cds-services/%2e%2e", "/cds-services/a%2Fb",
      "/cds-services//a", "/cds-services/a/b", "/cds-services/a/feedback/x", "/CDS-SERVICES/a"})
  void everyOtherPathGoesThroughSpringSecurity(String path) throws Exception {
    assertThat(throughSecurity("", path)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"/cds-services/a", "/other/cds-services/a"})
  void aRequestOutsideItsContextPathGoesThroughSpringSecurity(String path) throws Exception {
    assertThat(throughSecurity("/ehr", path)).isTrue();
  }

  private static boolean throughSecurity(String contextPath, String uri) throws Exception {
    List<String> calls = new ArrayList<>();
    Filter security = (req, res, chain) -> {
      calls.add("security");
      chain.doFilter(req, res);
    };
    MockHttpServletRequest request = new MockHttpServletRequest("POST", uri);
    request.setContextPath(contextPath);
    MockFilterChain chain = new MockFilterChain();
    new SecurityExceptCdsEndpoints(security).doFilter(request, new MockHttpServletResponse(), chain);
    assertThat(chain.getRequest()).as("the request always reaches the rest of the chain").isNotNull();
    return !calls.isEmpty();
  }
}
