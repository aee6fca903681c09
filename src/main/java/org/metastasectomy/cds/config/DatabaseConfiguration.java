package org.metastasectomy.cds.config;

import java.time.Duration;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wraps the application's DataSource so that a database outage costs the hook path almost nothing (FailFastDataSource). */
@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {
  /** How long the database is left alone after it failed; then one request tries it again. */
  static final Duration RETRY_DATABASE_AFTER = Duration.ofSeconds(10);

  @Bean
  static BeanPostProcessor failFastDataSource() {
    return new BeanPostProcessor() {
      @Override
      public Object postProcessAfterInitialization(Object bean, String beanName) {
        return bean instanceof DataSource ds && !(bean instanceof FailFastDataSource) ? new FailFastDataSource(ds, RETRY_DATABASE_AFTER) : bean;
      }
    };
  }
}
