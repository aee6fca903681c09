package org.metastasectomy.cds.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatabaseFileWatchTest {
  @Test
  void onlyEmbeddedH2FileUrlsAreWatched() {
    assertThat(DatabaseFileWatch.of("jdbc:h2:file:./data/cds;AUTO_SERVER=FALSE")).get()
        .extracting(DatabaseFileWatch::file).isEqualTo(Path.of("./data/cds.mv.db"));
    assertThat(DatabaseFileWatch.of("jdbc:h2:./data/cds")).isPresent();
    assertThat(DatabaseFileWatch.of("jdbc:h2:mem:x;DB_CLOSE_DELAY=-1")).isEmpty();
    assertThat(DatabaseFileWatch.of("jdbc:h2:tcp://db/cds")).isEmpty();
    assertThat(DatabaseFileWatch.of("jdbc:postgresql://db:5432/cds")).isEmpty();
    assertThat(DatabaseFileWatch.of(null)).isEmpty();
  }

  @Test
  void aFileNotYetCreatedIsNotMissingButOneThatWasThereAndIsGoneIs(@TempDir Path dir) throws Exception {
    DatabaseFileWatch watch = DatabaseFileWatch.of("jdbc:h2:file:" + dir.resolve("cds")).orElseThrow();
    assertThat(watch.present()).as("H2 creates it on first use").isTrue();
    Files.createFile(dir.resolve("cds.mv.db"));
    assertThat(watch.present()).isTrue();
    Files.delete(dir.resolve("cds.mv.db"));
    assertThat(watch.present()).isFalse();
  }
}
