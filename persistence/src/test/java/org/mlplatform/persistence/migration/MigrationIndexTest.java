package org.mlplatform.persistence.migration;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class MigrationIndexTest {

  @Test
  void indexListsExactlyTheMigrationFiles() throws IOException {
    Path root = Path.of("src/main/resources", IndexedMigrations.ROOT);
    try (Stream<Path> files = Files.walk(root)) {
      var onDisk =
          files
              .filter(Files::isRegularFile)
              .map(p -> root.relativize(p).toString().replace('\\', '/'))
              .filter(p -> p.endsWith(".sql"))
              .toList();

      assertThat(IndexedMigrations.readIndex(getClass().getClassLoader()))
          .containsExactlyInAnyOrderElementsOf(onDisk);
    }
  }

  @Test
  void offersOnlyCommonAndTheVendorsOwnFiles() {
    IndexedMigrations h2 = new IndexedMigrations(getClass().getClassLoader(), "h2");

    assertThat(h2.getResources("V", new String[] {".sql"}))
        .extracting(r -> r.getRelativePath())
        .allMatch(p -> p.startsWith("common/") || p.startsWith("h2/"))
        .contains("common/V1__audit_log.sql");
  }
}
