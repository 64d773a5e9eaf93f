package org.mlplatform.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CatalogIndexTest {

  @Test
  void createsAnEmptyIndexInAMissingFolderAndReopensIt(@TempDir Path dataDir) {
    Path folder = dataDir.resolve("index");

    try (CatalogIndex index = CatalogIndex.open(folder)) {
      assertThat(index.documentCount()).isZero();
    }
    assertThat(Files.isDirectory(folder)).isTrue();

    try (CatalogIndex reopened = CatalogIndex.open(folder)) {
      assertThat(reopened.documentCount()).isZero();
    }
  }
}
