package org.metastasectomy.cds.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * For an embedded H2 file database: notices when its file disappears while the service runs (a deleted data directory).
 * H2 keeps writing into the deleted file, so without this check feedback was "stored", the replay store "remembered"
 * token ids and health said UP, and all of it was gone at the next start (issue 15, finding 8). A file that was never
 * seen is not missing: H2 creates it on first use.
 */
final class DatabaseFileWatch {
  private final Path file;
  private volatile boolean seen;

  private DatabaseFileWatch(Path file) {
    this.file = file;
  }

  /** The watch for an H2 file URL ({@code jdbc:h2:file:./data/cds;...} or {@code jdbc:h2:./data/cds}); none otherwise. */
  static Optional<DatabaseFileWatch> of(String jdbcUrl) {
    if (jdbcUrl == null || !jdbcUrl.toLowerCase(Locale.ROOT).startsWith("jdbc:h2:")) {
      return Optional.empty();
    }
    String rest = jdbcUrl.substring("jdbc:h2:".length());
    int options = rest.indexOf(';');
    String name = options < 0 ? rest : rest.substring(0, options);
    String lower = name.toLowerCase(Locale.ROOT);
    if (lower.startsWith("file:")) {
      name = name.substring("file:".length());
    } else if (lower.matches("^(mem|tcp|ssl|zip|split|nio\\w*|async|retry\\w*):.*")) {
      return Optional.empty();
    }
    if (name.startsWith("~")) {
      name = System.getProperty("user.home") + name.substring(1);
    }
    return Optional.of(new DatabaseFileWatch(Path.of(name + ".mv.db")));
  }

  /** True unless the file was there before and is gone now. */
  boolean present() {
    if (Files.exists(file)) {
      seen = true;
      return true;
    }
    return !seen;
  }

  Path file() {
    return file;
  }
}
