package org.metastasectomy.cds;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import org.slf4j.LoggerFactory;

/** Without Spring Boot's logging setup Logback prints every DEBUG line; a command wants warnings only. */
final class QuietLogging {
  private QuietLogging() {}

  static void apply() {
    if (LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME) instanceof Logger root) {
      root.setLevel(Level.WARN);
    }
  }
}
