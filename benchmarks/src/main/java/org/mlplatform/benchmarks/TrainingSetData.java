package org.mlplatform.benchmarks;

import static org.mlplatform.benchmarks.TrainingSetBenchmark.BASE;
import static org.mlplatform.benchmarks.TrainingSetBenchmark.DAY_MS;
import static org.mlplatform.benchmarks.TrainingSetBenchmark.NULL_RATE;
import static org.mlplatform.benchmarks.TrainingSetBenchmark.SEED;
import static org.mlplatform.benchmarks.TrainingSetBenchmark.SPAN_MS;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.SplittableRandom;
import org.mlplatform.benchmarks.TrainingSetBenchmark.Config;
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
import org.mlplatform.domain.features.offline.OfflineTable;
import org.mlplatform.domain.features.training.EntityRows;
import org.mlplatform.domain.features.training.TrainingSetPlan;

/**
 * The training-set benchmark's data, generated from a fixed seed: the views' rows, the entity rows,
 * and the catalogue, tables and plan the platform's builder runs.
 */
final class TrainingSetData {

  private TrainingSetData() {}

  /**
   * One view's rows in (entity, event time) order, the order of {@code packed} ({@code entity << 32
   * | millis since BASE}, which serves the reference's binary search). Values are row-major; NaN
   * stands for null (no generated value is NaN).
   */
  record ViewData(
      String name, Duration ttl, int features, long[] packed, double[] values, int[] loadOrder) {

    static ViewData generate(String name, Duration ttl, int index, Config config) {
      SplittableRandom random = new SplittableRandom(SEED + 1000L * (index + 1));
      int rows = config.rows();
      long[] packed = new long[rows];
      int unique = 0;
      while (unique < rows) { // top up until every (entity, time) pair is distinct
        for (int i = unique; i < rows; i++) {
          long entity = 1 + random.nextInt(config.entities());
          packed[i] = entity << 32 | random.nextLong(SPAN_MS);
        }
        Arrays.sort(packed);
        unique = 1;
        for (int i = 1; i < rows; i++) {
          if (packed[i] != packed[unique - 1]) {
            packed[unique++] = packed[i];
          }
        }
      }
      int f = config.features();
      double[] values = new double[rows * f];
      for (int i = 0; i < values.length; i++) {
        values[i] = random.nextDouble() < NULL_RATE ? Double.NaN : random.nextDouble(-1000, 1000);
      }
      // Loaded as ingestion would see it: by event time, entities interleaved.
      int bits = 64 - Long.numberOfLeadingZeros(rows);
      long[] byTime = new long[rows];
      for (int i = 0; i < rows; i++) {
        byTime[i] = millis(packed[i]) << bits | i;
      }
      Arrays.sort(byTime);
      int[] loadOrder = new int[rows];
      for (int i = 0; i < rows; i++) {
        loadOrder[i] = (int) (byTime[i] & ((1L << bits) - 1));
      }
      return new ViewData(name, ttl, f, packed, values, loadOrder);
    }

    int rows() {
      return packed.length;
    }

    long entity(int row) {
      return packed[row] >>> 32;
    }

    long millisOf(int row) {
      return millis(packed[row]);
    }

    static long millis(long packed) {
      return packed & 0xFFFF_FFFFL;
    }

    Double value(int row, int feature) {
      double v = values[row * features + feature];
      return Double.isNaN(v) ? null : v;
    }

    /** The rows in load order, as the offline store takes them. */
    Iterator<FeatureRow> featureRows() {
      return new Iterator<>() {
        private int next;

        @Override
        public boolean hasNext() {
          return next < rows();
        }

        @Override
        public FeatureRow next() {
          if (!hasNext()) {
            throw new NoSuchElementException();
          }
          int row = loadOrder[next++];
          Object[] vals = new Object[features];
          for (int f = 0; f < features; f++) {
            vals[f] = value(row, f);
          }
          return new FeatureRow(EntityKey.of(entity(row)), BASE.plusMillis(millisOf(row)), vals);
        }
      };
    }
  }

  /** The entity rows: customer, millis since BASE (may be negative), label. */
  record Spine(long[] entity, long[] millis, long[] label) {

    static Spine generate(List<ViewData> views, Config config) {
      SplittableRandom random = new SplittableRandom(SEED);
      int n = config.spineRows();
      long[] entity = new long[n];
      long[] millis = new long[n];
      long[] label = new long[n];
      ViewData ttlView = views.getFirst();
      long ttl = ttlView.ttl().toMillis();
      for (int r = 0; r < n; r++) {
        double p = random.nextDouble();
        if (p < 0.05) { // exactly on some view's row
          ViewData view = views.get(random.nextInt(views.size()));
          int row = random.nextInt(view.rows());
          entity[r] = view.entity(row);
          millis[r] = view.millisOf(row);
        } else if (p < 0.08) { // on the TTL boundary, or one millisecond past it
          int row = random.nextInt(ttlView.rows());
          entity[r] = ttlView.entity(row);
          millis[r] = ttlView.millisOf(row) + ttl + (p < 0.07 ? 0 : 1);
        } else {
          entity[r] = 1 + random.nextInt(config.entities() + config.entities() / 50);
          millis[r] = random.nextLong(-DAY_MS, SPAN_MS + DAY_MS);
        }
        label[r] = random.nextInt(2);
      }
      return new Spine(entity, millis, label);
    }

    int size() {
      return entity.length;
    }

    Instant time(int row) {
      return BASE.plusMillis(millis[row]);
    }

    EntityRows entityRows() {
      List<Instant> times = new ArrayList<>(size());
      List<Object[]> values = new ArrayList<>(size());
      for (int r = 0; r < size(); r++) {
        times.add(time(r));
        values.add(new Object[] {entity[r], label[r]});
      }
      return new EntityRows(List.of("customer_id", "label"), times, values);
    }
  }

  /** The catalogue, tables and plan of the three views, built through the domain's registry. */
  record Definitions(List<OfflineTable> tables, TrainingSetPlan plan) {

    static Definitions of(List<ViewData> views, int features) {
      FeatureRegistry registry = new FeatureRegistry(new InMemoryFeatureCatalog());
      ResourceName customer = new ResourceName("customer");
      EntityDefinition entity =
          registry.createEntity(
              new EntityDefinition(
                  customer,
                  List.of(new JoinKey(new ResourceName("customer_id"), FeatureType.INT64)),
                  "benchmark customer"));
      List<OfflineTable> tables = new ArrayList<>();
      List<FeatureRef> refs = new ArrayList<>();
      for (ViewData data : views) {
        List<FeatureDefinition> defs = new ArrayList<>();
        for (int f = 0; f < features; f++) {
          defs.add(new FeatureDefinition(new ResourceName("f" + f), FeatureType.FLOAT64, ""));
        }
        FeatureViewDefinition view =
            registry.createView(
                new FeatureViewDefinition(
                    new ResourceName(data.name()),
                    1,
                    List.of(customer),
                    defs,
                    data.ttl(),
                    "bench",
                    Set.of(),
                    "training-set benchmark"));
        tables.add(OfflineTable.of(view, List.of(entity)));
        defs.forEach(d -> refs.add(new FeatureRef(view.name(), d.name())));
      }
      return new Definitions(List.copyOf(tables), TrainingSetPlan.of(refs, registry));
    }
  }
}
