package org.metastasectomy.cds.config;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * A DataSource that stops asking a database that is down: after repeated failures to get a connection, further
 * requests fail at once for a while instead of each waiting the pool's connection timeout. Hook answers then lose
 * only their audit row and the suppression check, and feedback gets its 503 quickly. An embedded H2 database whose
 * file was deleted counts as down (DatabaseFileWatch).
 */
final class FailFastDataSource extends DelegatingDataSource {
  private final CircuitBreaker breaker;
  private final java.util.Optional<DatabaseFileWatch> file;

  FailFastDataSource(DataSource target, Duration openFor) {
    super(target);
    this.file = DatabaseFileWatch.of(target instanceof com.zaxxer.hikari.HikariDataSource hikari ? hikari.getJdbcUrl() : null);
    this.breaker = CircuitBreaker.of("database", CircuitBreakerConfig.custom()
        .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
        .slidingWindowSize(5)
        .minimumNumberOfCalls(3)
        .failureRateThreshold(50)
        .waitDurationInOpenState(openFor)
        .permittedNumberOfCallsInHalfOpenState(1)
        .build());
  }

  @Override
  public Connection getConnection() throws SQLException {
    if (file.isPresent() && !file.get().present()) {
      // a database whose file is gone is down: health DOWN, feedback 503, tokens refused, never "stored" into nothing
      throw new SQLTransientConnectionException("database file is gone: " + file.get().file());
    }
    try {
      return breaker.executeCheckedSupplier(() -> obtainTargetDataSource().getConnection());
    } catch (CallNotPermittedException e) {
      throw new SQLTransientConnectionException("database unavailable: not retried for now (circuit open)");
    } catch (SQLException | RuntimeException e) {
      throw e;
    } catch (Throwable e) {
      throw new SQLException("could not get a database connection", e);
    }
  }

  @Override
  public Connection getConnection(String username, String password) throws SQLException {
    return getConnection();
  }

  CircuitBreaker.State state() {
    return breaker.getState();
  }
}
