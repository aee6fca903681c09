package org.metastasectomy.cds.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Remembers accepted token ids in the database so that a token is accepted once, by whichever replica sees it first:
 * the primary key makes the second INSERT fail, even when two replicas race. Expired rows are purged at most once a
 * minute per replica.
 */
public final class ReplayGuard {
  private static final Duration PURGE_EVERY = Duration.ofMinutes(1);

  private final JdbcClient jdbc;
  private final Clock clock;
  private final AtomicReference<Instant> lastPurge = new AtomicReference<>(Instant.EPOCH);

  public ReplayGuard(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /**
   * @param keepUntil when the token can no longer be accepted anyway (its expiry plus clock skew)
   * @return true the first time this issuer's jti is seen, false on a replay
   * @throws org.springframework.dao.DataAccessException when the database cannot be reached
   */
  public boolean firstUse(String issuer, String jti, Instant keepUntil) {
    purgeExpired();
    try {
      jdbc.sql("INSERT INTO jwt_replay (jti_hash, issuer, expires_at) VALUES (:hash, :issuer, :expires)")
          .param("hash", hash(issuer, jti))
          .param("issuer", issuer.length() <= 300 ? issuer : issuer.substring(0, 300))
          .param("expires", OffsetDateTime.ofInstant(keepUntil, ZoneOffset.UTC))
          .update();
      return true;
    } catch (DuplicateKeyException seenBefore) {
      return false;
    }
  }

  private void purgeExpired() {
    Instant now = clock.instant();
    Instant last = lastPurge.get();
    if (now.isBefore(last.plus(PURGE_EVERY)) || !lastPurge.compareAndSet(last, now)) {
      return;
    }
    jdbc.sql("DELETE FROM jwt_replay WHERE expires_at < :now").param("now", OffsetDateTime.ofInstant(now, ZoneOffset.UTC)).update();
  }

  static String hash(String issuer, String jti) {
    try {
      MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
      sha256.update(issuer.getBytes(StandardCharsets.UTF_8));
      sha256.update((byte) 0);
      return HexFormat.of().formatHex(sha256.digest(jti.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is unavailable", e);
    }
  }
}
