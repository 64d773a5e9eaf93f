package org.mlplatform.search;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/** Query tests share one index of {@link Docs#catalogue()} per class, built once and closed. */
abstract class IndexedCatalogue {

  @TempDir static Path dataDir;
  static CatalogIndex index;

  @BeforeAll
  static void indexTheCatalogue() {
    index = CatalogIndex.open(dataDir.resolve("index"));
    index.rebuild(Docs.catalogue());
  }

  @AfterAll
  static void close() {
    index.close();
  }
}
