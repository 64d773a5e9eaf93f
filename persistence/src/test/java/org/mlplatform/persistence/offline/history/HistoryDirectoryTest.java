package org.mlplatform.persistence.offline.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlplatform.domain.features.AsOfJoin.Observation;
import org.mlplatform.domain.features.EntityKey;
import org.mlplatform.domain.features.FeatureDefinition;
import org.mlplatform.domain.features.FeatureType;
import org.mlplatform.domain.features.JoinKey;
import org.mlplatform.domain.features.ResourceName;
import org.mlplatform.domain.features.offline.CloseableIterator;
import org.mlplatform.domain.features.offline.HistoryIndex;
import org.mlplatform.domain.features.offline.OfflineTable;

/**
 * Local copies of a table without a database: every type and null read back as stored, lookups
 * agreeing with a brute-force search, and the directory's rules (restart, replacement, stale reads,
 * size limit, damaged and unfinished copies).
 */
class HistoryDirectoryTest {

  private static final Instant T0 = Instant.parse("2026-02-01T00:00:00Z");
  private static final OfflineTable TABLE =
      new OfflineTable(
          new ResourceName("orders"),
          3,
          List.of(
              new JoinKey(new ResourceName("region"), FeatureType.STRING),
              new JoinKey(new ResourceName("user_id"), FeatureType.INT64),
              new JoinKey(new ResourceName("shard"), FeatureType.INT32)),
          List.of(
              feature("i32", FeatureType.INT32),
              feature("i64", FeatureType.INT64),
              feature("f32", FeatureType.FLOAT32),
              feature("f64", FeatureType.FLOAT64),
              feature("text", FeatureType.STRING),
              feature("flag", FeatureType.BOOL),
              feature("seen", FeatureType.TIMESTAMP)));

  @TempDir Path root;

  private static FeatureDefinition feature(String name, FeatureType type) {
    return new FeatureDefinition(new ResourceName(name), type, "");
  }

  /** Rows of 30 entities at whole microseconds, shuffled; entity 0 has 300 rows. */
  private static List<Observation> rows(long seed) {
    Random random = new Random(seed);
    List<Observation> rows = new ArrayList<>();
    for (int entity = 0; entity < 30; entity++) {
      EntityKey key = EntityKey.of(entity % 2 == 0 ? "eu" : "日本", (long) entity, entity % 3);
      int count = entity == 0 ? 300 : random.nextInt(8);
      List<Long> micros = new ArrayList<>();
      while (micros.size() < count) {
        long at = random.nextLong(1_000_000_000L) - 100_000_000L;
        if (!micros.contains(at)) {
          micros.add(at);
        }
      }
      for (long at : micros) {
        rows.add(new Observation(key, T0.plusNanos(at * 1000), values(random)));
      }
    }
    Collections.shuffle(rows, random);
    return rows;
  }

  private static Object[] values(Random random) {
    String[] texts = {"", "plain", "naïve café ☕", "quote\" and, comma", "line\nbreak", "😀"};
    Object[] values = {
      random.nextInt(),
      random.nextLong(),
      random.nextFloat() - 0.5f,
      random.nextGaussian(),
      texts[random.nextInt(texts.length)],
      random.nextBoolean(),
      T0.minusSeconds(random.nextInt(1_000_000)).plusNanos(random.nextInt(1_000_000) * 1000L)
    };
    for (int i = 0; i < values.length; i++) {
      if (random.nextInt(5) == 0) {
        values[i] = null;
      }
    }
    return values;
  }

  private static RowSource cursor(List<Observation> rows, AtomicInteger opened) {
    return RowSource.of(
        () -> {
          opened.incrementAndGet();
          return CloseableIterator.of(rows.iterator());
        });
  }

  private static Observation bruteForce(List<Observation> rows, EntityKey key, Instant asOf) {
    Observation best = null;
    for (Observation row : rows) {
      if (row.key().equals(key)
          && !row.eventTime().isAfter(asOf)
          && (best == null || row.eventTime().isAfter(best.eventTime()))) {
        best = row;
      }
    }
    return best;
  }

  private static void assertAgrees(HistoryIndex index, List<Observation> rows, long seed) {
    Random random = new Random(seed);
    List<Instant> moments = new ArrayList<>(List.of(Instant.MIN, Instant.MAX, T0));
    rows.forEach(r -> moments.add(r.eventTime()));
    rows.forEach(r -> moments.add(r.eventTime().minusNanos(1)));
    for (int i = 0; i < 200; i++) {
      moments.add(T0.plusNanos(random.nextLong(2_000_000_000_000L) - 500_000_000_000L));
    }
    int found = 0;
    for (int entity = 0; entity < 32; entity++) {
      EntityKey key = EntityKey.of(entity % 2 == 0 ? "eu" : "日本", (long) entity, entity % 3);
      for (Instant asOf : moments.subList(0, entity == 0 ? moments.size() : 60)) {
        Observation expected = bruteForce(rows, key, asOf);
        Observation actual = index.latestAtOrBefore(key, asOf);
        if (expected == null) {
          assertThat(actual).as("%s at %s", key, asOf).isNull();
        } else {
          found++;
          assertThat(actual).as("%s at %s", key, asOf).isNotNull();
          assertThat(actual.key()).isEqualTo(key);
          assertThat(actual.eventTime()).isEqualTo(expected.eventTime());
          assertThat(actual.values()).containsExactly(expected.values());
        }
      }
    }
    assertThat(found).isGreaterThan(500);
  }

  @Test
  void aCopyAnswersEveryLookupAsASearchOfTheRowsWouldWithEveryTypeAndNull() {
    List<Observation> rows = rows(1);
    HistoryDirectory copies = new HistoryDirectory(root, 10_000);

    HistoryIndex index =
        copies.build(TABLE, 42, cursor(rows, new AtomicInteger()), () -> true).orElseThrow();

    assertAgrees(index, rows, 2);
    assertThat(copies.current(TABLE, 42)).containsSame(index);
    assertThat(copies.current(TABLE, 43)).isEmpty();
    assertThat(rows).anyMatch(r -> r.values()[4] == null).anyMatch(r -> "😀".equals(r.values()[4]));
  }

  @Test
  void aRestartedNodeMapsItsCopyAgainAndANewStampReplacesIt() throws IOException {
    List<Observation> rows = rows(3);
    new HistoryDirectory(root, 10_000)
        .build(TABLE, 7, cursor(rows, new AtomicInteger()), () -> true);

    HistoryDirectory restarted = new HistoryDirectory(root, 10_000);
    assertAgrees(restarted.current(TABLE, 7).orElseThrow(), rows, 4);

    List<Observation> changed = new ArrayList<>(rows);
    changed.add(new Observation(EntityKey.of("eu", 30L, 0), T0, values(new Random(5))));
    HistoryIndex replaced =
        restarted.build(TABLE, 8, cursor(changed, new AtomicInteger()), () -> true).orElseThrow();
    assertAgrees(replaced, changed, 6);
    assertThat(copyDirs()).containsExactly(hex(8));
    assertThat(restarted.current(TABLE, 7)).isEmpty();
  }

  @Test
  void aCopyReadWhileTheTableChangedServesItsBuildButIsNotKept() throws IOException {
    List<Observation> rows = rows(9);
    HistoryDirectory copies = new HistoryDirectory(root, 10_000);

    Optional<HistoryIndex> once =
        copies.build(TABLE, 11, cursor(rows, new AtomicInteger()), () -> false);

    assertAgrees(once.orElseThrow(), rows, 10);
    assertThat(copies.current(TABLE, 11)).isEmpty();
    assertThat(copyDirs()).isEmpty();
  }

  @Test
  void aTableOverTheRowLimitIsNotCopiedAndNotReadAgainForTheSameStamp() throws IOException {
    List<Observation> rows = rows(12);
    HistoryDirectory copies = new HistoryDirectory(root, rows.size() - 1);
    AtomicInteger opened = new AtomicInteger();

    assertThat(copies.build(TABLE, 13, cursor(rows, opened), () -> true)).isEmpty();
    assertThat(copies.build(TABLE, 13, cursor(rows, opened), () -> true)).isEmpty();

    assertThat(opened).hasValue(1);
    assertThat(copyDirs()).isEmpty();
    assertThat(
            new HistoryDirectory(root, rows.size())
                .build(TABLE, 13, cursor(rows, opened), () -> true))
        .isPresent();
  }

  @Test
  void aDamagedCopyIsDroppedAndAnUnfinishedOneDeleted() throws IOException {
    List<Observation> rows = rows(14);
    new HistoryDirectory(root, 10_000)
        .build(TABLE, 15, cursor(rows, new AtomicInteger()), () -> true);
    Path copy = root.resolve(TABLE.tableName()).resolve(hex(15));
    try (FileChannel times =
        FileChannel.open(copy.resolve("times.bin"), StandardOpenOption.WRITE)) {
      times.truncate(times.size() - 8);
    }
    Path unfinished =
        Files.createDirectories(root.resolve(TABLE.tableName()).resolve(".building-x"));
    Files.writeString(unfinished.resolve("times.bin"), "half");

    HistoryDirectory restarted = new HistoryDirectory(root, 10_000);

    assertThat(unfinished).doesNotExist();
    assertThat(restarted.current(TABLE, 15)).isEmpty();
    assertThat(copy).doesNotExist();

    // Same size, one value changed: what a crash can leave of a file never synced.
    restarted.build(TABLE, 17, cursor(rows, new AtomicInteger()), () -> true).orElseThrow();
    Path values = root.resolve(TABLE.tableName()).resolve(hex(17)).resolve("values-3.bin");
    byte[] bytes = Files.readAllBytes(values);
    bytes[bytes.length / 2] ^= 1;
    Files.write(values, bytes);
    assertThat(new HistoryDirectory(root, 10_000).current(TABLE, 17)).isEmpty();
    assertThat(values).doesNotExist();
  }

  @Test
  void aRootThatCannotBeCreatedLeavesBuildsToTheDatabase() throws IOException {
    Path file = Files.writeString(root.resolve("not-a-directory"), "x");
    HistoryDirectory copies = new HistoryDirectory(file.resolve("copies"), 10_000);

    assertThat(copies.build(TABLE, 18, cursor(rows(18), new AtomicInteger()), () -> true))
        .isEmpty();
    assertThat(copies.current(TABLE, 18)).isEmpty();
  }

  @Test
  void anEmptyTableIsCopiedAndFindsNothing() {
    HistoryIndex index =
        new HistoryDirectory(root, 10)
            .build(TABLE, 16, cursor(List.of(), new AtomicInteger()), () -> true)
            .orElseThrow();

    assertThat(index.latestAtOrBefore(EntityKey.of("eu", 0L, 0), Instant.MAX)).isNull();
  }

  private List<String> copyDirs() throws IOException {
    try (Stream<Path> dirs = Files.list(root.resolve(TABLE.tableName()))) {
      return dirs.map(p -> p.getFileName().toString()).toList();
    }
  }

  /** The directory name of a stamp, as the directory writes it. */
  private static String hex(long stamp) {
    return HexFormat.of().toHexDigits(stamp);
  }
}
