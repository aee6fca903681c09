package org.metastasectomy.cds.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** The replay store on the real migration: once per issuer and jti, across replicas, and expired rows go. */
class ReplayGuardTest {
  static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");

  JdbcClient jdbc;

  @BeforeEach
  void database() {
    DriverManagerDataSource db = new DriverManagerDataSource("jdbc:h2:mem:replay-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
    Flyway.configure().dataSource(db).load().migrate();
    jdbc = JdbcClient.create(db);
  }

  @Test
  void aJtiIsAcceptedOncePerIssuer() {
    ReplayGuard guard = new ReplayGuard(jdbc, Clock.fixed(NOW, ZoneOffset.UTC));
    Instant keep = NOW.plusSeconds(360);
    assertThat(guard.firstUse("https://ehr-a.example", "jti-1", keep)).isTrue();
    assertThat(guard.firstUse("https://ehr-a.example", "jti-1", keep)).isFalse();
    assertThat(guard.firstUse("https://ehr-b.example", "jti-1", keep)).isTrue();
  }

  @Test
  void twoReplicasRacingWithTheSameTokenAcceptItExactlyOnce() throws Exception {
    ReplayGuard replicaA = new ReplayGuard(jdbc, Clock.fixed(NOW, ZoneOffset.UTC));
    ReplayGuard replicaB = new ReplayGuard(jdbc, Clock.fixed(NOW, ZoneOffset.UTC));
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Callable<Boolean>> calls = new ArrayList<>();
      for (int i = 0; i < 16; i++) {
        ReplayGuard replica = i % 2 == 0 ? replicaA : replicaB;
        calls.add(() -> replica.firstUse("https://ehr.example", "same-jti", NOW.plusSeconds(360)));
      }
      long accepted = 0;
      for (Future<Boolean> result : pool.invokeAll(calls)) {
        accepted += result.get() ? 1 : 0;
      }
      assertThat(accepted).isEqualTo(1);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void rowsArePurgedOnceTheTokenHasExpired() {
    MutableClock clock = new MutableClock(NOW);
    ReplayGuard guard = new ReplayGuard(jdbc, clock);
    guard.firstUse("https://ehr.example", "old", NOW.plusSeconds(360));
    clock.now = NOW.plus(Duration.ofMinutes(10));
    guard.firstUse("https://ehr.example", "new", clock.now.plusSeconds(360));
    assertThat(jdbc.sql("SELECT COUNT(*) FROM jwt_replay").query(Integer.class).single()).isEqualTo(1);
  }

  @Test
  void onlyAHashOfTheJtiIsStored() {
    new ReplayGuard(jdbc, Clock.fixed(NOW, ZoneOffset.UTC)).firstUse("https://ehr.example", "visible-jti", NOW.plusSeconds(60));
    String stored = jdbc.sql("SELECT jti_hash FROM jwt_replay").query(String.class).single();
    assertThat(stored).hasSize(64).doesNotContain("visible-jti");
  }

  private static final class MutableClock extends Clock {
    Instant now;

    MutableClock(Instant now) {
      this.now = now;
    }

    @Override
    public java.time.ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
