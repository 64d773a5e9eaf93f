package org.mlplatform.persistence.offline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.mlplatform.domain.features.AsOfJoin.Observation;
import org.mlplatform.domain.features.EntityDefinition;
import org.mlplatform.domain.features.EntityKey;
import org.mlplatform.domain.features.FeatureDefinition;
import org.mlplatform.domain.features.FeatureRef;
import org.mlplatform.domain.features.FeatureRegistry;
import org.mlplatform.domain.features.FeatureType;
import org.mlplatform.domain.features.FeatureViewDefinition;
import org.mlplatform.domain.features.InMemoryFeatureCatalog;
import org.mlplatform.domain.features.JoinKey;
import org.mlplatform.domain.features.ResourceName;
import org.mlplatform.domain.features.offline.FeatureRow;
import org.mlplatform.domain.features.offline.OfflineStore;
import org.mlplatform.domain.features.offline.OfflineTable;
import org.mlplatform.domain.features.training.EntityRows;
import org.mlplatform.domain.features.training.TrainingColumn;
import org.mlplatform.domain.features.training.TrainingSetBuilder;
import org.mlplatform.domain.features.training.TrainingSetPlan;
import org.mlplatform.domain.features.training.TrainingSetSink;
import org.mlplatform.persistence.TestDatabase;
import org.mlplatform.persistence.offline.history.HistoryDirectory;

/**
 * Local copies over a real database, H2 and PostgreSQL: training sets read through a copy give the
 * rows a database read gives, and a write from any node (another store on the same database) makes
 * the copy stale at once, so the next build sees the new rows.
 */
class OfflineCopiesIT {

  private static final Instant T0 = Instant.parse("2026-04-01T00:00:00Z");

  @TempDir Path copiesDir;

  private final FeatureRegistry registry = new FeatureRegistry(new InMemoryFeatureCatalog());
  private OfflineTable table;
  private TrainingSetPlan plan;

  private static ResourceName n(String name) {
    return new ResourceName(name);
  }

  private static Instant h(double hours) {
    return T0.plus(Duration.ofMinutes(Math.round(hours * 60)));
  }

  private void define() {
    EntityDefinition user =
        registry.createEntity(
            new EntityDefinition(
                n("user"),
                List.of(
                    new JoinKey(n("region"), FeatureType.STRING),
                    new JoinKey(n("user_id"), FeatureType.INT64)),
                ""));
    FeatureViewDefinition view =
        registry.createView(
            new FeatureViewDefinition(
                n("visits"),
                1,
                List.of(n("user")),
                List.of(
                    new FeatureDefinition(n("pages"), FeatureType.INT32, ""),
                    new FeatureDefinition(n("browser"), FeatureType.STRING, ""),
                    new FeatureDefinition(n("last_seen"), FeatureType.TIMESTAMP, "")),
                Duration.ofHours(6),
                "alice",
                Set.of(),
                ""));
    table = OfflineTable.of(view, List.of(user));
    plan =
        TrainingSetPlan.of(
            List.of(
                FeatureRef.parse("f", "visits:pages"),
                FeatureRef.parse("f", "visits:browser"),
                FeatureRef.parse("f", "visits:last_seen")),
            registry);
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void aCopyGivesTheDatabasesRowsAndAnyWriteMakesItStale(TestDatabase.Kind kind)
      throws IOException {
    define();
    Random random = new Random(5);
    try (TestDatabase db = TestDatabase.create(kind)) {
      OfflineStore node1 =
          new JdbcOfflineStore(db.dataSource(), new HistoryDirectory(copiesDir, 1_000));
      OfflineStore node2 = new JdbcOfflineStore(db.dataSource()); // no copies of its own
      node1.ensureTable(table);
      List<FeatureRow> rows = new ArrayList<>();
      for (int i = 0; i < 400; i++) {
        rows.add(
            new FeatureRow(
                key(random.nextInt(40)),
                h(random.nextInt(2_000) / 10.0),
                new Object[] {
                  random.nextInt(5) == 0 ? null : random.nextInt(100),
                  random.nextBoolean() ? "firefox" : "chrome ✓",
                  random.nextInt(4) == 0 ? null : h(-random.nextInt(100))
                }));
      }
      node2.write(table, rows.iterator(), done -> {});
      EntityRows spine = spine(random);
      List<Object[]> fromDatabase = build(new TrainingSetBuilder(node2, Integer.MAX_VALUE), spine);

      assertThat(node1.history(table, false)).isEmpty(); // never made
      List<Object[]> throughCopy = build(new TrainingSetBuilder(node1, 0), spine);
      assertThat(node1.history(table, false)).isPresent();
      assertSameRows(throughCopy, fromDatabase);
      assertThat(fromDatabase).anyMatch(r -> r[3] == null).anyMatch(r -> r[4] != null);

      // A late row for an entity row's moment, written by the other node.
      Object[] first = fromDatabase.getFirst();
      EntityKey lateKey = EntityKey.of(first[1], Long.parseLong(first[2].toString()));
      Instant lateAt = ((Instant) first[0]).minusSeconds(1);
      node2.write(
          table,
          List.of(new FeatureRow(lateKey, lateAt, new Object[] {-1, "late", null})).iterator(),
          done -> {});
      assertThat(node1.history(table, false)).isEmpty();

      List<Object[]> afterWrite = build(new TrainingSetBuilder(node1, 0), spine);
      assertThat(copyDirs()).hasSize(1);
      assertThat(afterWrite.getFirst()[3]).isEqualTo(-1);
      assertThat(afterWrite.getFirst()[4]).isEqualTo("late");
      assertSameRows(afterWrite, build(new TrainingSetBuilder(node2, Integer.MAX_VALUE), spine));
      Observation late =
          node1.history(table, false).orElseThrow().latestAtOrBefore(lateKey, lateAt);
      assertThat(late.eventTime()).isEqualTo(lateAt);
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void aTableWithoutAStampOrOverTheLimitIsReadFromTheDatabase(TestDatabase.Kind kind)
      throws SQLException {
    define();
    Random random = new Random(6);
    try (TestDatabase db = TestDatabase.create(kind)) {
      OfflineStore store =
          new JdbcOfflineStore(db.dataSource(), new HistoryDirectory(copiesDir, 3));
      store.ensureTable(table);
      List<FeatureRow> rows = new ArrayList<>();
      for (int i = 0; i < 5; i++) {
        rows.add(new FeatureRow(key(i), h(i), new Object[] {i, "b", null}));
      }
      store.write(table, rows.iterator(), done -> {});
      EntityRows spine = spine(random);
      List<Object[]> expected = build(new TrainingSetBuilder(store, Integer.MAX_VALUE), spine);

      assertThat(store.history(table, true)).isEmpty(); // 5 rows, 3 allowed
      assertSameRows(build(new TrainingSetBuilder(store, 0), spine), expected);

      try (Connection connection = db.dataSource().getConnection();
          Statement statement = connection.createStatement()) {
        statement.executeUpdate("DELETE FROM " + OfflineStamps.TABLE); // written before stamps
      }
      OfflineStore roomy =
          new JdbcOfflineStore(db.dataSource(), new HistoryDirectory(copiesDir, 100));
      assertThat(roomy.history(table, true)).isEmpty();
      assertSameRows(build(new TrainingSetBuilder(roomy, 0), spine), expected);
      roomy.write(table, List.<FeatureRow>of().iterator(), done -> {});
      assertThat(roomy.history(table, true)).isPresent();
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void aWriteRemakesACopyTheNodeKeepsAndNoOther(TestDatabase.Kind kind) throws Exception {
    define();
    try (TestDatabase db = TestDatabase.create(kind)) {
      List<Runnable> remakes = new ArrayList<>();
      OfflineStore store =
          new JdbcOfflineStore(
              db.dataSource(), new HistoryDirectory(copiesDir, 1_000, remakes::add));
      store.ensureTable(table);
      store.write(table, List.of(row(1, 1, 10)).iterator(), done -> {});
      assertThat(remakes).isEmpty(); // no copy kept: nothing to remake
      assertThat(store.history(table, true)).isPresent();

      store.write(table, List.of(row(1, 2, 20)).iterator(), done -> {});
      store.write(table, List.of(row(2, 2, 30)).iterator(), done -> {});
      assertThat(remakes).hasSize(1); // two writes before the remake ran: one remake
      assertThat(store.history(table, false)).isEmpty();

      remakes.removeFirst().run();
      Observation latest = store.history(table, false).orElseThrow().latestAtOrBefore(key(1), h(3));
      assertThat(latest.values()[0]).isEqualTo(20);
      store.write(table, List.of(row(2, 3, 40)).iterator(), done -> {});
      assertThat(remakes).hasSize(1);
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void everyTypeAndNullReadsBackFromTheCopyAsWritten(TestDatabase.Kind kind) {
    OfflineTable all =
        new OfflineTable(
            n("all_types"),
            1,
            List.of(new JoinKey(n("id"), FeatureType.INT32)),
            List.of(
                new FeatureDefinition(n("i32"), FeatureType.INT32, ""),
                new FeatureDefinition(n("i64"), FeatureType.INT64, ""),
                new FeatureDefinition(n("f32"), FeatureType.FLOAT32, ""),
                new FeatureDefinition(n("f64"), FeatureType.FLOAT64, ""),
                new FeatureDefinition(n("text"), FeatureType.STRING, ""),
                new FeatureDefinition(n("flag"), FeatureType.BOOL, ""),
                new FeatureDefinition(n("seen"), FeatureType.TIMESTAMP, "")));
    List<FeatureRow> rows = new ArrayList<>();
    Object[][] values = {
      {
        Integer.MIN_VALUE,
        Long.MAX_VALUE,
        -0.5f,
        Double.MAX_VALUE,
        "naïve ☕ \"q\", x",
        true,
        Instant.parse("1969-12-31T23:59:59.999999Z")
      },
      {
        0,
        Long.MIN_VALUE,
        Float.MIN_VALUE,
        -1e-300,
        "",
        false,
        Instant.parse("1999-12-31T23:59:59Z")
      },
      {null, null, null, null, null, null, null},
      {7, 7L, 7f, 7.0, "😀", null, Instant.parse("2262-01-01T00:00:00.000001Z")}
    };
    for (int i = 0; i < values.length; i++) {
      rows.add(new FeatureRow(EntityKey.of(i), h(i), values[i]));
    }
    try (TestDatabase db = TestDatabase.create(kind)) {
      OfflineStore store =
          new JdbcOfflineStore(db.dataSource(), new HistoryDirectory(copiesDir, 1_000));
      store.ensureTable(all);
      store.write(all, rows.iterator(), done -> {});

      var copy = store.history(all, true).orElseThrow();

      for (int i = 0; i < values.length; i++) {
        Observation read = copy.latestAtOrBefore(EntityKey.of(i), Instant.MAX);
        assertThat(read.eventTime()).isEqualTo(h(i));
        assertThat(read.values()).as("row %d", i).containsExactly(values[i]);
      }
      assertThat(copy.latestAtOrBefore(EntityKey.of(9), Instant.MAX)).isNull();
    }
  }

  private static FeatureRow row(int user, double hours, int pages) {
    return new FeatureRow(key(user), h(hours), new Object[] {pages, "b", null});
  }

  private List<String> copyDirs() throws IOException {
    try (Stream<Path> dirs = Files.list(copiesDir.resolve(table.tableName()))) {
      return dirs.map(p -> p.getFileName().toString()).toList();
    }
  }

  private static EntityKey key(int user) {
    return EntityKey.of(user % 3 == 0 ? "eu" : "us", (long) user);
  }

  private static EntityRows spine(Random random) {
    List<Instant> times = new ArrayList<>();
    List<Object[]> values = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      int user = random.nextInt(45);
      times.add(h(random.nextInt(2_200) / 10.0));
      values.add(new Object[] {user % 3 == 0 ? "eu" : "us", Long.toString(user)});
    }
    return new EntityRows(List.of("region", "user_id"), times, values);
  }

  private List<Object[]> build(TrainingSetBuilder builder, EntityRows spine) {
    List<Object[]> out = new ArrayList<>();
    builder.build(
        plan,
        spine,
        new TrainingSetSink() {
          @Override
          public void start(List<TrainingColumn> columns) {}

          @Override
          public void row(Object[] row) {
            out.add(row);
          }
        },
        share -> {});
    return out;
  }

  private static void assertSameRows(List<Object[]> actual, List<Object[]> expected) {
    assertThat(actual).hasSameSizeAs(expected);
    for (int i = 0; i < expected.size(); i++) {
      assertThat(actual.get(i)).as("row %d", i).containsExactly(expected.get(i));
    }
  }
}
