package org.mlplatform.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IndexLifecycleTest {

  @TempDir Path dataDir;

  private Path folder() {
    return dataDir.resolve("index");
  }

  private static List<String> ids(CatalogIndex index, String text) {
    return index.search(SearchQuery.of(text)).hits().stream().map(SearchHit::id).toList();
  }

  @Test
  void aNewItemIsSearchableWithinASecond() {
    try (CatalogIndex index = CatalogIndex.open(folder())) {
      index.rebuild(Docs.catalogue());
      long start = System.nanoTime();
      index.upsert(List.of(Docs.model("credit_limit", "Suggests a credit limit", "risk-team")));
      List<String> found = ids(index, "credit_limit");
      Duration took = Duration.ofNanos(System.nanoTime() - start);

      assertThat(found).containsExactly("model:credit_limit");
      assertThat(took).isLessThan(Duration.ofSeconds(1));
      assertThat(index.suggest("cred", 5))
          .extracting(Suggestion::text)
          .containsExactly("credit_limit");
    }
  }

  @Test
  void upsertReplacesByIdAndDeleteRemoves() {
    try (CatalogIndex index = CatalogIndex.open(folder())) {
      index.upsert(List.of(Docs.model("churn", "Predicts who leaves", "crm-team")));
      index.upsert(List.of(Docs.model("churn", "Predicts attrition", "crm-team")));
      assertThat(index.documentCount()).isEqualTo(1);
      assertThat(ids(index, "attrition")).containsExactly("model:churn");
      assertThat(ids(index, "leaves")).isEmpty();

      index.delete(List.of("model:churn", "model:unknown"));
      assertThat(index.documentCount()).isZero();
      assertThat(index.suggest("churn", 5)).isEmpty();
    }
  }

  @Test
  void deleteWhereRemovesEveryIdWithThePrefix() {
    try (CatalogIndex index = CatalogIndex.open(folder())) {
      index.rebuild(Docs.catalogue());
      int before = index.documentCount();

      index.deleteWhere("feature:txn_stats:");

      assertThat(index.documentCount()).isEqualTo(before - 3);
      assertThat(ids(index, "amount")).isEmpty();
      assertThat(ids(index, "txn_stats")).containsExactly("feature_view:txn_stats");
      assertThatThrownBy(() -> index.deleteWhere(" ")).isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  void rebuildReplacesEverything() {
    try (CatalogIndex index = CatalogIndex.open(folder())) {
      index.rebuild(Docs.catalogue());
      index.markCurrent("v1");

      index.rebuild(List.of(Docs.model("churn", "Predicts attrition", "crm-team")));

      assertThat(index.documentCount()).isEqualTo(1);
      assertThat(ids(index, "fraud")).isEmpty();
      assertThat(index.suggest("fr", 5)).isEmpty();
      assertThat(index.isCurrent("v1")).as("a rebuild forgets the fingerprint").isFalse();
    }
  }

  @Test
  void aFailedRebuildKeepsTheOldDocuments() {
    try (CatalogIndex index = CatalogIndex.open(folder())) {
      index.rebuild(Docs.catalogue());
      Iterable<CatalogDocument> failing =
          () ->
              Stream.<CatalogDocument>concat(
                      Stream.of(Docs.model("churn", "Predicts attrition", "crm-team")),
                      Stream.generate(
                          () -> {
                            throw new IllegalStateException("catalogue went away");
                          }))
                  .iterator();

      assertThatThrownBy(() -> index.rebuild(failing)).hasMessageContaining("went away");

      assertThat(index.documentCount()).isEqualTo(Docs.catalogue().size());
      assertThat(ids(index, "attrition")).containsExactly("model:churn");
    }
  }

  @Test
  void theFingerprintSurvivesAReopen() {
    try (CatalogIndex index = CatalogIndex.open(folder())) {
      assertThat(index.isCurrent("abc")).isFalse();
      index.rebuild(Docs.catalogue());
      index.markCurrent("abc");
      assertThat(index.isCurrent("abc")).isTrue();
      assertThat(index.isCurrent("abd")).isFalse();
    }
    try (CatalogIndex reopened = CatalogIndex.open(folder())) {
      assertThat(reopened.isCurrent("abc")).isTrue();
      assertThat(reopened.documentCount()).isEqualTo(Docs.catalogue().size());
      assertThat(ids(reopened, "fraud").getFirst()).isEqualTo("model:fraud");
    }
  }

  @Test
  void aDeletedFolderOpensEmptyAndNotCurrentThenRebuilds() throws IOException {
    try (CatalogIndex index = CatalogIndex.open(folder())) {
      index.rebuild(Docs.catalogue());
      index.markCurrent("abc");
    }
    deleteRecursively(folder());

    try (CatalogIndex index = CatalogIndex.open(folder())) {
      assertThat(index.documentCount()).isZero();
      assertThat(index.isCurrent("abc")).isFalse();

      index.rebuild(Docs.catalogue());
      index.markCurrent("abc");

      assertThat(ids(index, "fraud").getFirst()).isEqualTo("model:fraud");
      assertThat(index.isCurrent("abc")).isTrue();
    }
  }

  @Test
  void anUnreadableIndexIsReplacedByAnEmptyOne() throws IOException {
    try (CatalogIndex index = CatalogIndex.open(folder())) {
      index.rebuild(Docs.catalogue());
      index.markCurrent("abc");
    }
    try (Stream<Path> files = Files.list(folder())) {
      for (Path file :
          files.filter(f -> f.getFileName().toString().startsWith("segments_")).toList()) {
        Files.write(file, new byte[] {1, 2, 3});
      }
    }

    try (CatalogIndex index = CatalogIndex.open(folder())) {
      assertThat(index.documentCount()).isZero();
      assertThat(index.isCurrent("abc")).isFalse();
    }
  }

  @Test
  void closeIsIdempotentAndReleasesTheFolder() {
    CatalogIndex index = CatalogIndex.open(folder());
    index.close();
    index.close();
    try (CatalogIndex again = CatalogIndex.open(folder())) {
      assertThat(again.folder()).isEqualTo(folder());
    }
  }

  @Test
  void aSecondInstanceOnTheSameFolderIsRefused() {
    try (CatalogIndex index = CatalogIndex.open(folder())) {
      assertThatThrownBy(() -> CatalogIndex.open(folder())).hasMessageContaining("cannot open");
    }
    try (CatalogIndex reopened = CatalogIndex.open(folder())) {
      assertThat(reopened.documentCount()).isZero();
    }
  }

  @Test
  void searchesRunWhileDocumentsAreUpserted() throws Exception {
    try (CatalogIndex index = CatalogIndex.open(folder())) {
      index.rebuild(Docs.catalogue());
      try (ExecutorService readers = Executors.newFixedThreadPool(3)) {
        List<Future<Integer>> searches = new ArrayList<>();
        for (int r = 0; r < 3; r++) {
          searches.add(
              readers.submit(
                  () -> {
                    int found = 0;
                    for (int i = 0; i < 200; i++) {
                      found += index.search(SearchQuery.of("fraud")).hits().size();
                      found += index.suggest("mod", 5).size();
                    }
                    return found;
                  }));
        }
        for (int i = 0; i < 100; i++) {
          index.upsert(List.of(Docs.model("model_" + i, "Model number " + i, "ml-team")));
        }
        for (Future<Integer> search : searches) {
          assertThat(search.get()).isPositive();
        }
      }
      assertThat(index.search(SearchQuery.of("model")).total()).isGreaterThanOrEqualTo(100);
    }
  }

  private static void deleteRecursively(Path folder) throws IOException {
    try (Stream<Path> paths = Files.walk(folder)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }
}
