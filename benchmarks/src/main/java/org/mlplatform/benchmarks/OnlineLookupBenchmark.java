package org.mlplatform.benchmarks;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.mlplatform.domain.features.AsOfJoin.Observation;
import org.mlplatform.domain.features.EntityDefinition;
import org.mlplatform.domain.features.EntityKey;
import org.mlplatform.domain.features.FeatureDefinition;
import org.mlplatform.domain.features.FeatureType;
import org.mlplatform.domain.features.FeatureViewDefinition;
import org.mlplatform.domain.features.JoinKey;
import org.mlplatform.domain.features.ResourceName;
import org.mlplatform.domain.features.offline.OfflineTable;
import org.mlplatform.domain.features.online.CachedOnlineStore;
import org.mlplatform.domain.features.online.OnlineCache;
import org.mlplatform.domain.features.online.OnlineLookup;
import org.mlplatform.domain.features.online.OnlineStore;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Issue 3's in-process online lookup: 1 entity x 50 features from 5 views, answered from the
 * platform's cache (the database is not involved once the values are cached), including the
 * per-value status computation. Sample mode reports p50 and p99.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class OnlineLookupBenchmark {

  private static final int VIEWS = 5;
  private static final int FEATURES_PER_VIEW = 10;

  private final List<FeatureViewDefinition> views = new ArrayList<>();
  private final List<OfflineTable> tables = new ArrayList<>();
  private final int[] allFeatures = new int[FEATURES_PER_VIEW];
  private CachedOnlineStore store;
  private List<EntityKey> keys;
  private Instant now;

  @Setup
  public void prepare() {
    ResourceName customer = new ResourceName("customer");
    EntityDefinition entity =
        new EntityDefinition(
            customer, List.of(new JoinKey(new ResourceName("customer_id"), FeatureType.INT64)), "");
    Map<String, Map<EntityKey, Observation>> rows = new HashMap<>();
    now = Instant.parse("2026-06-01T00:00:00Z");
    EntityKey key = EntityKey.of(42L);
    keys = List.of(key);
    for (int v = 0; v < VIEWS; v++) {
      List<FeatureDefinition> features = new ArrayList<>();
      Object[] values = new Object[FEATURES_PER_VIEW];
      for (int f = 0; f < FEATURES_PER_VIEW; f++) {
        features.add(new FeatureDefinition(new ResourceName("f" + f), FeatureType.FLOAT64, ""));
        values[f] = v * 100.0 + f;
        allFeatures[f] = f;
      }
      FeatureViewDefinition view =
          new FeatureViewDefinition(
              new ResourceName("view_" + v),
              1,
              List.of(customer),
              features,
              Duration.ofDays(1),
              "",
              Set.of(),
              "");
      OfflineTable table = OfflineTable.of(view, List.of(entity));
      views.add(view);
      tables.add(table);
      rows.put(table.tableName(), Map.of(key, new Observation(key, now.minusSeconds(60), values)));
    }
    store = new CachedOnlineStore(new MapStore(rows), new OnlineCache());
    lookup(); // fills the cache
  }

  @Benchmark
  public Object lookup() {
    List<OnlineLookup.FeatureColumn> answer = new ArrayList<>(VIEWS * FEATURES_PER_VIEW);
    for (int v = 0; v < VIEWS; v++) {
      answer.addAll(
          OnlineLookup.resolve(
              views.get(v), allFeatures, keys, store.lookup(tables.get(v), keys), now));
    }
    return answer;
  }

  /** The database behind the cache; after the first lookup it is not asked again. */
  private record MapStore(Map<String, Map<EntityKey, Observation>> rows) implements OnlineStore {
    @Override
    public void ensureTable(OfflineTable table) {}

    @Override
    public long materialize(OfflineTable table, Iterator<Observation> latestRows) {
      throw new UnsupportedOperationException("read-only benchmark store");
    }

    @Override
    public Map<EntityKey, Observation> lookup(OfflineTable table, Collection<EntityKey> keys) {
      Map<EntityKey, Observation> found = new HashMap<>();
      for (EntityKey key : keys) {
        Observation o = rows.get(table.tableName()).get(key);
        if (o != null) {
          found.put(key, o);
        }
      }
      return found;
    }

    @Override
    public long count(OfflineTable table) {
      return rows.get(table.tableName()).size();
    }
  }
}
