package org.metastasectomy.cds.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * The one operator account (cds.operator.username / cds.operator.password, HTTP Basic) that may list and clear
 * suppressions. No password set: nobody is let in, whatever the mode. Compared as SHA-256 digests in constant time; the
 * password is a long random secret (at least 16 characters), so a fast comparison gives a guesser nothing.
 */
public final class OperatorCredentials implements AuthenticationManager {
  public static final String ROLE = "OPERATOR";
  static final int MIN_PASSWORD_LENGTH = 16;

  private final String username;
  private final byte[] usernameDigest;
  private final byte[] passwordDigest;

  public OperatorCredentials(String username, String password) {
    if (password != null && !password.isEmpty() && password.length() < MIN_PASSWORD_LENGTH) {
      throw new IllegalArgumentException("cds.operator.password must be at least " + MIN_PASSWORD_LENGTH
          + " characters (or empty: no operator access)");
    }
    this.username = username;
    this.usernameDigest = digest(username);
    this.passwordDigest = password == null || password.isEmpty() ? null : digest(password);
  }

  public boolean enabled() {
    return passwordDigest != null;
  }

  @Override
  public Authentication authenticate(Authentication attempt) {
    String name = String.valueOf(attempt.getPrincipal());
    String password = String.valueOf(attempt.getCredentials());
    boolean nameMatches = MessageDigest.isEqual(digest(name), usernameDigest);
    boolean passwordMatches = passwordDigest != null && MessageDigest.isEqual(digest(password), passwordDigest);
    if (!nameMatches || !passwordMatches) {
      throw new BadCredentialsException(enabled() ? "bad operator credentials" : "operator access is not configured");
    }
    return UsernamePasswordAuthenticationToken.authenticated(username, null, List.of(new SimpleGrantedAuthority("ROLE_" + ROLE)));
  }

  private static byte[] digest(String s) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
