package org.mlplatform.persistence.offline;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.mlplatform.domain.features.AsOfJoin.Observation;
import org.mlplatform.domain.features.FeatureDefinition;
import org.mlplatform.domain.features.FeatureType;
import org.mlplatform.domain.features.ResourceName;
import org.mlplatform.domain.features.offline.CloseableIterator;
import org.mlplatform.domain.features.offline.OfflineStore;
import org.mlplatform.domain.features.offline.OfflineTable;
import org.mlplatform.persistence.TestDatabase;

/** A fresh database per test on each of the store's write paths, and helpers to read it back. */
abstract class OfflineStoreTestBase {

  /** Every write path the store has. */
  enum Backend {
    H2(TestDatabase.Kind.H2, true),
    POSTGRESQL_COPY(TestDatabase.Kind.POSTGRESQL, true),
    POSTGRESQL_BATCH(TestDatabase.Kind.POSTGRESQL, false);

    final TestDatabase.Kind kind;
    final boolean copy;

    Backend(TestDatabase.Kind kind, boolean copy) {
      this.kind = kind;
      this.copy = copy;
    }
  }

  static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  private TestDatabase db;

  static ResourceName name(String value) {
    return new ResourceName(value);
  }

  static FeatureDefinition feature(String name, FeatureType type) {
    return new FeatureDefinition(name(name), type, "");
  }

  static Instant t(int hours) {
    return T0.plus(Duration.ofHours(hours));
  }

  /** A store on a new, empty database, with these tables created (twice: that must be harmless). */
  OfflineStore open(Backend backend, OfflineTable... tables) {
    db = TestDatabase.create(backend.kind);
    OfflineStore store = new JdbcOfflineStore(db.dataSource(), backend.copy, null);
    for (OfflineTable table : tables) {
      store.ensureTable(table);
      store.ensureTable(table);
    }
    return store;
  }

  /** The database of the last {@link #open}, for looking at it from outside the store. */
  DataSource dataSource() {
    return db.dataSource();
  }

  @AfterEach
  void dropDatabase() {
    if (db != null) {
      db.close();
    }
  }

  static List<Observation> readAll(CloseableIterator<Observation> cursor) {
    try (cursor) {
      List<Observation> all = new ArrayList<>();
      cursor.forEachRemaining(all::add);
      return all;
    }
  }

  static List<String> show(List<Observation> observations) {
    return observations.stream()
        .map(
            o ->
                o == null
                    ? "none"
                    : o.key() + "@" + o.eventTime() + "=" + Arrays.toString(o.values()))
        .toList();
  }
}
