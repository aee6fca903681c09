package org.metastasectomy.cds.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;

class OperatorCredentialsTest {
  static final String SECRET = "a-long-random-operator-secret";

  @Test
  void onlyTheConfiguredAccountGetsTheOperatorRole() {
    OperatorCredentials operator = new OperatorCredentials("operator", SECRET);
    var granted = operator.authenticate(UsernamePasswordAuthenticationToken.unauthenticated("operator", SECRET));
    assertThat(granted.isAuthenticated()).isTrue();
    assertThat(granted.getAuthorities()).extracting(Object::toString).containsExactly("ROLE_OPERATOR");
    assertThatThrownBy(() -> operator.authenticate(UsernamePasswordAuthenticationToken.unauthenticated("operator", SECRET + "x")))
        .isInstanceOf(BadCredentialsException.class);
    assertThatThrownBy(() -> operator.authenticate(UsernamePasswordAuthenticationToken.unauthenticated("admin", SECRET)))
        .isInstanceOf(BadCredentialsException.class);
  }

  @Test
  void withoutAPasswordNobodyIsLetIn() {
    OperatorCredentials none = new OperatorCredentials("operator", "");
    assertThat(none.enabled()).isFalse();
    assertThatThrownBy(() -> none.authenticate(UsernamePasswordAuthenticationToken.unauthenticated("operator", "")))
        .isInstanceOf(BadCredentialsException.class);
  }

  @Test
  void aShortPasswordStopsTheStart() {
    assertThatThrownBy(() -> new OperatorCredentials("operator", "short"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 16");
  }
}
