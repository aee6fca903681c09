package org.metastasectomy.cds.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** {@link FeedbackConcurrencyContract} on PostgreSQL, the production database, with the Flyway migrations applied. */
class FeedbackConcurrencyPostgresIT extends FeedbackConcurrencyContract {
  static final EmbeddedPostgres POSTGRES = EmbeddedDatabase.start();

  @Autowired
  DataSource dataSource;

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    EmbeddedDatabase.register(registry, POSTGRES);
  }

  @AfterAll
  static void stop() {
    EmbeddedDatabase.stop(POSTGRES);
  }

  @Test
  void runsOnPostgresWithTheMigrationsApplied() throws Exception {
    try (Connection c = dataSource.getConnection()) {
      assertThat(c.getMetaData().getDatabaseProductName()).isEqualTo("PostgreSQL");
    }
    assertThat(jdbc.sql("SELECT version FROM flyway_schema_history WHERE success").query(String.class).list()).contains("1");
  }
}
