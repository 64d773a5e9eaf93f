package org.mlplatform.persistence.online;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.mlplatform.domain.features.AsOfJoin.Observation;
import org.mlplatform.domain.features.EntityKey;
import org.mlplatform.domain.features.FeatureDefinition;
import org.mlplatform.domain.features.FeatureType;
import org.mlplatform.domain.features.JoinKey;
import org.mlplatform.domain.features.ResourceName;
import org.mlplatform.domain.features.offline.CloseableIterator;
import org.mlplatform.domain.features.offline.FeatureRow;
import org.mlplatform.domain.features.offline.OfflineStore;
import org.mlplatform.domain.features.offline.OfflineTable;
import org.mlplatform.domain.features.online.OnlineStore;
import org.mlplatform.persistence.TestDatabase;
import org.mlplatform.persistence.offline.JdbcOfflineStore;

/** A fresh database per test with an offline and an online store on it, and helpers. */
abstract class OnlineStoreTestBase {

  static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  static final OfflineTable AMOUNTS =
      new OfflineTable(
          name("txn_stats"),
          1,
          List.of(new JoinKey(name("customer_id"), FeatureType.INT64)),
          List.of(feature("amount", FeatureType.FLOAT64), feature("country", FeatureType.STRING)));

  static final OfflineTable PAIRS =
      new OfflineTable(
          name("customer_merchant"),
          3,
          List.of(
              new JoinKey(name("customer_id"), FeatureType.INT64),
              new JoinKey(name("merchant"), FeatureType.STRING)),
          List.of(feature("visits", FeatureType.INT32)));

  TestDatabase db;
  OfflineStore offline;
  OnlineStore online;

  static ResourceName name(String value) {
    return new ResourceName(value);
  }

  static FeatureDefinition feature(String name, FeatureType type) {
    return new FeatureDefinition(name(name), type, "");
  }

  static Instant t(int hours) {
    return T0.plus(Duration.ofHours(hours));
  }

  static EntityKey key(Object... values) {
    return EntityKey.of(values);
  }

  void open(TestDatabase.Kind kind, OfflineTable... tables) {
    db = TestDatabase.create(kind);
    offline = new JdbcOfflineStore(db.dataSource());
    online = new JdbcOnlineStore(db.dataSource());
    for (OfflineTable table : tables) {
      offline.ensureTable(table);
      online.ensureTable(table);
      online.ensureTable(table); // twice: harmless
    }
  }

  @AfterEach
  void dropDatabase() {
    if (db != null) {
      db.close();
    }
  }

  void ingest(OfflineTable table, FeatureRow... rows) {
    offline.write(table, List.of(rows).iterator(), n -> {});
  }

  /** Materialises the latest row per entity of {@code [from, to)} from the offline store. */
  long materialize(OfflineTable table, Instant from, Instant to) {
    try (CloseableIterator<Observation> latest = offline.latestPerEntity(table, from, to)) {
      return online.materialize(table, latest);
    }
  }

  static FeatureRow amount(long customer, Instant at, Double value, String country) {
    return new FeatureRow(key(customer), at, new Object[] {value, country});
  }

  static List<Object> valuesOf(Map<EntityKey, Observation> found, EntityKey key) {
    Observation row = found.get(key);
    return row == null ? null : Arrays.asList(row.values());
  }
}
