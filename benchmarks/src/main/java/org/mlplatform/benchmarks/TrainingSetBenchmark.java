package org.mlplatform.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.LongConsumer;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;
import org.h2.jdbcx.JdbcDataSource;
import org.mlplatform.domain.features.AsOfJoin.Observation;
import org.mlplatform.domain.features.EntityDefinition;
import org.mlplatform.domain.features.EntityKey;
import org.mlplatform.domain.features.FeatureCatalog;
import org.mlplatform.domain.features.FeatureDefinition;
import org.mlplatform.domain.features.FeatureRef;
import org.mlplatform.domain.features.FeatureRegistry;
import org.mlplatform.domain.features.FeatureServiceDefinition;
import org.mlplatform.domain.features.FeatureType;
import org.mlplatform.domain.features.FeatureViewDefinition;
import org.mlplatform.domain.features.JoinKey;
import org.mlplatform.domain.features.ResourceName;
import org.mlplatform.domain.features.offline.CloseableIterator;
import org.mlplatform.domain.features.offline.FeatureRow;
import org.mlplatform.domain.features.offline.OfflineStore;
import org.mlplatform.domain.features.offline.OfflineTable;
import org.mlplatform.domain.features.training.EntityRows;
import org.mlplatform.domain.features.training.TrainingColumn;
import org.mlplatform.domain.features.training.TrainingSetBuilder;
import org.mlplatform.domain.features.training.TrainingSetPlan;
import org.mlplatform.domain.features.training.TrainingSetSink;
import org.mlplatform.persistence.offline.JdbcOfflineStore;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The road map's training-set benchmark: a point-in-time training set of N entity rows against
 * three feature views of M rows each, built by our {@link TrainingSetBuilder} over the offline
 * store ({@link JdbcOfflineStore} on PostgreSQL, optionally H2) and, in the same run over the same
 * data, by DuckDB's {@code ASOF LEFT JOIN} (in-process, in memory, with a thread per core and with
 * one thread). Goal: within 3x of DuckDB.
 *
 * <p>Data (fixed seed): one entity {@code customer} keyed by {@code customer_id INT64}; three views
 * {@code txn} (TTL 7 days), {@code profile} and {@code activity} (no TTL), each with F FLOAT64
 * features (1% nulls) and unique (entity, event time) pairs at millisecond resolution spread over
 * 30 days, loaded in event-time order. Entity rows carry {@code customer_id}, {@code
 * event_timestamp} and a {@code label}; 5% sit exactly on a view row's event time, 2% exactly on
 * the TTL boundary of {@code txn}, 1% one millisecond past it, and the rest are random customers
 * (2% of them unknown to every view) at random times from a day before the data to a day after it.
 *
 * <p>Both sides hand every row of the result to Java: ours to a sink that checksums every value,
 * DuckDB through its JDBC result set ({@code ORDER BY} the entity row's position, since ours keeps
 * the input order), checksummed the same way. Each run is checked: the checksums must agree, and a
 * sample of rows is compared value by value with a brute-force reference computed from the
 * generated arrays. Loading is not timed.
 *
 * <p>Arguments, {@code key=value}: {@code db=pg|h2|both} (pg), {@code rows=} rows per view
 * (1000000), {@code entities=} (100000), {@code spine=} entity rows (100000), {@code features=} per
 * view (10), {@code reps=} (3), {@code warmups=} (1), {@code sample=} (1000), {@code variants=}
 * builders, comma-separated: a keyed-scan limit, {@code default} ({@code new
 * TrainingSetBuilder(store)}, 50,000), {@code 0} (always a full scan), {@code max} (always keyed
 * scans) or a number, optionally followed by {@code +parallel} (the views read concurrently on a
 * pool of {@code pool=} threads, by default max(2, cores) as {@code TrainingSets} in portal-ui has;
 * {@code 200000+parallel} is the platform's setting) ({@code
 * default,0,max,default+parallel,200000+parallel}), {@code phases=} whether to time the build's
 * phases once after the measurements (true), {@code pg=} the JDBC URL of the PostgreSQL server
 * ({@code jdbc:postgresql://127.0.0.1:5432/postgres}, user postgres), {@code duckdb=false} to leave
 * DuckDB out (when profiling ours).
 */
public final class TrainingSetBenchmark {

  private static final Instant BASE = Instant.parse("2025-01-01T00:00:00Z");
  private static final long DAY_MS = Duration.ofDays(1).toMillis();
  private static final long SPAN_MS = 30 * DAY_MS;
  private static final long SEED = 20250101L;
  private static final double NULL_RATE = 0.01;
  private static final String PG_DATABASE = "mlp_bench_training";
  private static final int FIRST_FEATURE_COLUMN = 3; // event_timestamp, customer_id, label
  private static final int DEFAULT_KEYED_SCAN_LIMIT = 50_000; // TrainingSetBuilder's default
  private static final int CORES = Runtime.getRuntime().availableProcessors();

  /** Reads the views for the builder's concurrent variants ({@code pool=} threads). */
  private static ExecutorService viewReaders;

  private TrainingSetBenchmark() {}

  /** The benchmark's parameters, from {@code key=value} arguments. */
  private record Config(
      boolean pg,
      boolean h2,
      int rows,
      int entities,
      int spineRows,
      int features,
      int reps,
      int warmups,
      int sample,
      List<String> variants,
      boolean phases,
      String pgUrl,
      boolean duckdb,
      int pool) {

    static Config parse(String[] args) {
      Map<String, String> given = new HashMap<>();
      for (String arg : args) {
        int eq = arg.indexOf('=');
        if (eq < 0) {
          throw new IllegalArgumentException("expected key=value, got " + arg);
        }
        given.put(arg.substring(0, eq), arg.substring(eq + 1));
      }
      String db = given.getOrDefault("db", "pg");
      return new Config(
          db.equals("pg") || db.equals("both"),
          db.equals("h2") || db.equals("both"),
          Integer.parseInt(given.getOrDefault("rows", "1000000")),
          Integer.parseInt(given.getOrDefault("entities", "100000")),
          Integer.parseInt(given.getOrDefault("spine", "100000")),
          Integer.parseInt(given.getOrDefault("features", "10")),
          Integer.parseInt(given.getOrDefault("reps", "3")),
          Integer.parseInt(given.getOrDefault("warmups", "1")),
          Integer.parseInt(given.getOrDefault("sample", "1000")),
          List.of(
              given
                  .getOrDefault("variants", "default,0,max,default+parallel,200000+parallel")
                  .split(",")),
          Boolean.parseBoolean(given.getOrDefault("phases", "true")),
          given.getOrDefault("pg", "jdbc:postgresql://127.0.0.1:5432/postgres"),
          Boolean.parseBoolean(given.getOrDefault("duckdb", "true")),
          Integer.parseInt(given.getOrDefault("pool", String.valueOf(Math.max(2, CORES)))));
    }
  }

  public static void main(String[] args) throws Exception {
    Config config = Config.parse(args);
    viewReaders =
        Executors.newFixedThreadPool(
            config.pool(),
            r -> {
              Thread thread = new Thread(r, "view-reader");
              thread.setDaemon(true);
              return thread;
            });
    long t0 = System.nanoTime();
    List<ViewData> views =
        List.of(
            ViewData.generate("txn", Duration.ofDays(7), 0, config),
            ViewData.generate("profile", Duration.ZERO, 1, config),
            ViewData.generate("activity", Duration.ZERO, 2, config));
    Spine spine = Spine.generate(views, config);
    boolean[] sampled = sample(config);
    print(
        "generated %d views x %,d rows x %d FLOAT64, %,d entities, %,d entity rows in %.1f s",
        views.size(), config.rows(), config.features(), config.entities(), spine.size(), secs(t0));

    Definitions definitions = Definitions.of(views, config.features());
    EntityRows entityRows = spine.entityRows();
    Reference reference = new Reference(views, spine, config.features());
    Map<String, List<Double>> results = new LinkedHashMap<>();

    if (config.duckdb()) {
      measureDuckDb(views, spine, definitions, reference, sampled, config, results);
    }
    if (config.pg()) {
      try (Database pg = Database.postgres(config.pgUrl())) {
        measureStore("PG", pg, views, definitions, entityRows, reference, sampled, config, results);
      }
    }
    if (config.h2()) {
      try (Database h2 = Database.h2()) {
        measureStore(
            "H2 (file)", h2, views, definitions, entityRows, reference, sampled, config, results);
      }
    }
    report(results, config);
  }

  private static void measureDuckDb(
      List<ViewData> views,
      Spine spine,
      Definitions definitions,
      Reference reference,
      boolean[] sampled,
      Config config,
      Map<String, List<Double>> results)
      throws SQLException {
    try (DuckDb duck = DuckDb.load(views, spine, config.features())) {
      for (int threads : new int[] {CORES, 1}) {
        String name = duckName(threads);
        List<Double> times = new ArrayList<>();
        for (int run = 0; run < config.warmups() + config.reps(); run++) {
          System.gc();
          long start = System.nanoTime();
          Result result = duck.run(threads, definitions, sampled);
          double seconds = secs(start);
          reference.check(name, result);
          if (run >= config.warmups()) {
            times.add(seconds);
          }
          print("  %-60s run %d: %6.2f s  %s", name, run, seconds, result);
        }
        results.put(name, times);
      }
    }
  }

  private static void measureStore(
      String label,
      Database database,
      List<ViewData> views,
      Definitions definitions,
      EntityRows entityRows,
      Reference reference,
      boolean[] sampled,
      Config config,
      Map<String, List<Double>> results)
      throws SQLException {
    OfflineStore store = new JdbcOfflineStore(database.dataSource());
    long load = System.nanoTime();
    for (int v = 0; v < views.size(); v++) {
      long start = System.nanoTime();
      OfflineTable table = definitions.tables().get(v);
      store.ensureTable(table);
      long written = store.write(table, views.get(v).featureRows(), done -> {});
      print("  loaded %,d rows into %s in %.1f s", written, table.tableName(), secs(start));
    }
    database.analyze(definitions.tables());
    print("  %s loaded in %.1f s (not timed below)", label, secs(load));

    for (String variant : config.variants()) {
      String name = label + ", builder " + variantName(variant);
      List<Double> times = new ArrayList<>();
      for (int run = 0; run < config.warmups() + config.reps(); run++) {
        System.gc();
        CheckingSink sink = new CheckingSink(sampled);
        long start = System.nanoTime();
        builder(store, variant).build(definitions.plan(), entityRows, sink, done -> {});
        double seconds = secs(start);
        Result result = sink.result();
        reference.check(name, result);
        if (run >= config.warmups()) {
          times.add(seconds);
        }
        print("  %-60s run %d: %6.2f s  %s", name, run, seconds, result);
      }
      results.put(name, times);
    }
    if (config.phases()) {
      phases(label, store, definitions, entityRows, sampled, reference);
      database.explainScan(definitions.tables().getFirst());
    }
  }

  /**
   * A variant is a keyed-scan limit ({@code default}, {@code max} or a number), {@code +parallel}.
   */
  private static TrainingSetBuilder builder(OfflineStore store, String variant) {
    String limit = variant.replace("+parallel", "");
    int keyedScanLimit =
        switch (limit) {
          case "default" -> DEFAULT_KEYED_SCAN_LIMIT;
          case "max" -> Integer.MAX_VALUE;
          default -> Integer.parseInt(limit);
        };
    if (variant.endsWith("+parallel")) {
      return new TrainingSetBuilder(store, keyedScanLimit, viewReaders);
    }
    return limit.equals("default")
        ? new TrainingSetBuilder(store) // as the platform builds
        : new TrainingSetBuilder(store, keyedScanLimit);
  }

  private static String variantName(String variant) {
    String limit =
        switch (variant.replace("+parallel", "")) {
          case "default" -> "default";
          case "0" -> "limit 0 (full scans)";
          case "max" -> "limit MAX (keyed scans)";
          case "200000" -> "limit 200,000 (platform's)";
          default -> "limit " + variant.replace("+parallel", "");
        };
    return limit + (variant.endsWith("+parallel") ? ", views in parallel" : "");
  }

  /**
   * One diagnostic build (default builder) with its time split: in the store's cursors (database,
   * network, JDBC decoding, building observations), in the join, and in assembling rows for the
   * sink; then the cursors alone, drained without a join, and PostgreSQL's own plan of a scan.
   */
  private static void phases(
      String label,
      OfflineStore store,
      Definitions definitions,
      EntityRows entityRows,
      boolean[] sampled,
      Reference reference) {
    TimingStore timing = new TimingStore(store);
    PhaseSink sink = new PhaseSink(new CheckingSink(sampled));
    System.gc();
    long start = System.nanoTime();
    new TrainingSetBuilder(timing).build(definitions.plan(), entityRows, sink, done -> {});
    long end = System.nanoTime();
    reference.check(label + " phases", sink.delegate.result());
    double total = (end - start) / 1e9;
    double joins = (sink.started - start) / 1e9;
    double cursors = timing.nanos / 1e9;
    print("%s phases of one default build (%.2f s):", label, total);
    print("  in the store's cursors (DB + JDBC + decode)  %6.2f s", cursors);
    print("  the rest of scan+join (AsOfJoin, keys, ...)  %6.2f s", joins - cursors);
    print("  row assembly + sink (after the last join)     %6.2f s", (end - sink.started) / 1e9);
    for (OfflineTable table : definitions.tables()) {
      long drain = System.nanoTime();
      long rows = 0;
      try (CloseableIterator<Observation> it = store.scan(table, Instant.MAX)) {
        while (it.hasNext()) {
          it.next();
          rows++;
        }
      }
      print(
          "  store.scan(%s) drained alone: %,d rows in %.2f s",
          table.tableName(), rows, secs(drain));
    }
  }

  private static String duckName(int threads) {
    return "DuckDB ASOF JOIN, " + threads + " thread" + (threads > 1 ? "s" : "");
  }

  private static void report(Map<String, List<Double>> results, Config config) {
    // DuckDB as configured by default (a thread per core), and on one thread
    double duck = median(results.getOrDefault(duckName(CORES), List.of(Double.NaN)));
    double duckOne = median(results.getOrDefault(duckName(1), List.of(Double.NaN)));
    print("");
    print(
        "Training set: %,d entity rows x 3 views x %,d rows (%d FLOAT64 each), %d measured runs",
        config.spineRows(), config.rows(), config.features(), config.reps());
    print(
        "%-60s %8s %8s %8s  %s  %s",
        "engine", "median s", "min s", "max s", "x DuckDB(" + CORES + "t)", "x DuckDB(1t)");
    results.forEach(
        (name, times) -> {
          double m = median(times);
          print(
              "%-60s %8.2f %8.2f %8.2f  %11.2fx  %11.2fx",
              name,
              m,
              times.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN),
              times.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN),
              m / duck,
              m / duckOne);
        });
  }

  private static double median(List<Double> times) {
    List<Double> sorted = times.stream().sorted().toList();
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }

  private static boolean[] sample(Config config) {
    boolean[] sampled = new boolean[config.spineRows()];
    SplittableRandom random = new SplittableRandom(SEED + 99);
    for (int i = 0; i < Math.min(config.sample(), config.spineRows()); ) {
      int r = random.nextInt(config.spineRows());
      if (!sampled[r]) {
        sampled[r] = true;
        i++;
      }
    }
    return sampled;
  }

  private static double secs(long startNanos) {
    return (System.nanoTime() - startNanos) / 1e9;
  }

  private static void print(String format, Object... args) {
    System.out.println(String.format(Locale.ROOT, format, args));
    System.out.flush();
  }

  /** Order-dependent checksum of one value; the same on both sides. */
  private static long mix(long hash, Object value) {
    long bits =
        switch (value) {
          case null -> 0x9E3779B97F4A7C15L;
          case Double d -> Double.doubleToLongBits(d);
          case Long l -> l;
          case Instant i -> i.toEpochMilli() * 1000 + i.getNano() / 1000 % 1000;
          default -> throw new IllegalStateException("unexpected value " + value.getClass());
        };
    return hash * 0x100000001B3L ^ bits;
  }

  // ---------------------------------------------------------------------------------------------
  // Data

  /**
   * One view's rows in (entity, event time) order, the order of {@code packed} ({@code entity << 32
   * | millis since BASE}, which serves the reference's binary search). Values are row-major; NaN
   * stands for null (no generated value is NaN).
   */
  private record ViewData(
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
  private record Spine(long[] entity, long[] millis, long[] label) {

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
  private record Definitions(List<OfflineTable> tables, TrainingSetPlan plan) {

    static Definitions of(List<ViewData> views, int features) {
      FeatureRegistry registry = new FeatureRegistry(new BenchCatalog());
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

  // ---------------------------------------------------------------------------------------------
  // Results and their checks

  /** What a run produced: row count, checksum over every value, nulls, and the sampled rows. */
  private record Result(
      long rows, long checksum, long nullFeatures, Map<Integer, Object[]> sample) {
    @Override
    public String toString() {
      return String.format(
          Locale.ROOT, "rows=%,d nulls=%,d checksum=%016x", rows, nullFeatures, checksum);
    }
  }

  /** Counts and checksums every row, keeps the sampled ones. */
  private static final class CheckingSink implements TrainingSetSink {
    private final boolean[] sampled;
    private final Map<Integer, Object[]> sample = new TreeMap<>();
    private long rows;
    private long checksum;
    private long nulls;

    CheckingSink(boolean[] sampled) {
      this.sampled = sampled;
    }

    @Override
    public void start(List<TrainingColumn> columns) {
      List<String> names = columns.stream().map(TrainingColumn::name).toList();
      if (!names
          .subList(0, FIRST_FEATURE_COLUMN)
          .equals(List.of("event_timestamp", "customer_id", "label"))) {
        throw new IllegalStateException("unexpected columns " + names);
      }
    }

    @Override
    public void row(Object[] values) {
      long hash = checksum;
      for (int i = 0; i < values.length; i++) {
        hash = mix(hash, values[i]);
        if (i >= FIRST_FEATURE_COLUMN && values[i] == null) {
          nulls++;
        }
      }
      checksum = hash;
      if (sampled[(int) rows]) {
        sample.put((int) rows, values);
      }
      rows++;
    }

    Result result() {
      return new Result(rows, checksum, nulls, sample);
    }
  }

  /** Notes when the builder starts writing, that is when every view is joined. */
  private static final class PhaseSink implements TrainingSetSink {
    private final CheckingSink delegate;
    private long started;

    PhaseSink(CheckingSink delegate) {
      this.delegate = delegate;
    }

    @Override
    public void start(List<TrainingColumn> columns) {
      started = System.nanoTime();
      delegate.start(columns);
    }

    @Override
    public void row(Object[] values) {
      delegate.row(values);
    }
  }

  /**
   * The expected training set computed from the generated arrays by binary search, independent of
   * both engines; every run's checksum must match the first run's, and its sample must match this.
   */
  private static final class Reference {
    private final List<ViewData> views;
    private final Spine spine;
    private final int features;
    private Result first;

    Reference(List<ViewData> views, Spine spine, int features) {
      this.views = views;
      this.spine = spine;
      this.features = features;
    }

    Object[] row(int r) {
      Object[] out = new Object[FIRST_FEATURE_COLUMN + views.size() * features];
      out[0] = spine.time(r);
      out[1] = spine.entity()[r];
      out[2] = spine.label()[r];
      int column = FIRST_FEATURE_COLUMN;
      for (ViewData view : views) {
        int match = match(view, spine.entity()[r], spine.millis()[r]);
        for (int f = 0; f < features; f++) {
          out[column++] = match < 0 ? null : view.value(match, f);
        }
      }
      return out;
    }

    private static int match(ViewData view, long entity, long millis) {
      if (millis < 0) {
        return -1; // before any data
      }
      int i = Arrays.binarySearch(view.packed(), entity << 32 | millis);
      int row = i >= 0 ? i : -i - 2;
      if (row < 0 || view.entity(row) != entity) {
        return -1;
      }
      long ttl = view.ttl().toMillis();
      return ttl > 0 && millis - view.millisOf(row) > ttl ? -1 : row;
    }

    synchronized void check(String who, Result result) {
      if (result.rows() != spine.size()) {
        throw new IllegalStateException(who + " gave " + result.rows() + " rows");
      }
      for (Map.Entry<Integer, Object[]> e : result.sample().entrySet()) {
        Object[] expected = row(e.getKey());
        Object[] actual = e.getValue();
        if (!Arrays.equals(expected, actual)) {
          throw new IllegalStateException(
              who
                  + " differs from the reference at entity row "
                  + e.getKey()
                  + ":\n expected "
                  + Arrays.toString(expected)
                  + "\n actual   "
                  + Arrays.toString(actual));
        }
      }
      if (first == null) {
        first = result;
      } else if (first.checksum() != result.checksum()
          || first.nullFeatures() != result.nullFeatures()) {
        throw new IllegalStateException(
            who + " gave a different result than the first run: " + result + " vs " + first);
      }
    }
  }

  // ---------------------------------------------------------------------------------------------
  // DuckDB

  /** The same data in an in-memory DuckDB, and the equivalent ASOF JOIN query. */
  private static final class DuckDb implements AutoCloseable {
    private final Connection connection;
    private final List<ViewData> views;
    private final int features;

    private DuckDb(Connection connection, List<ViewData> views, int features) {
      this.connection = connection;
      this.views = views;
      this.features = features;
    }

    static DuckDb load(List<ViewData> views, Spine spine, int features) throws SQLException {
      long start = System.nanoTime();
      Connection connection = DriverManager.getConnection("jdbc:duckdb:");
      DuckDBConnection duck = connection.unwrap(DuckDBConnection.class);
      try (Statement s = connection.createStatement()) {
        s.execute(
            "CREATE TABLE spine (row_id BIGINT, customer_id BIGINT, event_timestamp TIMESTAMP,"
                + " label BIGINT)");
        for (ViewData view : views) {
          StringBuilder columns = new StringBuilder();
          for (int f = 0; f < features; f++) {
            columns.append(", f").append(f).append(" DOUBLE");
          }
          s.execute(
              "CREATE TABLE "
                  + view.name()
                  + " (customer_id BIGINT, event_timestamp TIMESTAMP"
                  + columns
                  + ")");
        }
      }
      try (DuckDBAppender appender = duck.createAppender("main", "spine")) {
        for (int r = 0; r < spine.size(); r++) {
          appender.beginRow();
          appender.append((long) r);
          appender.append(spine.entity()[r]);
          appender.appendEpochMicros(micros(spine.millis()[r]));
          appender.append(spine.label()[r]);
          appender.endRow();
        }
      }
      for (ViewData view : views) {
        try (DuckDBAppender appender = duck.createAppender("main", view.name())) {
          for (int i = 0; i < view.rows(); i++) {
            int row = view.loadOrder()[i];
            appender.beginRow();
            appender.append(view.entity(row));
            appender.appendEpochMicros(micros(view.millisOf(row)));
            for (int f = 0; f < features; f++) {
              Double v = view.value(row, f);
              if (v == null) {
                appender.appendNull();
              } else {
                appender.append(v.doubleValue());
              }
            }
            appender.endRow();
          }
        }
      }
      print("  DuckDB %s loaded in %.1f s (not timed below)", duckVersion(connection), secs(start));
      return new DuckDb(connection, views, features);
    }

    private static String duckVersion(Connection connection) throws SQLException {
      try (Statement s = connection.createStatement();
          ResultSet r = s.executeQuery("SELECT version()")) {
        r.next();
        return r.getString(1);
      }
    }

    private static long micros(long millisSinceBase) {
      return (BASE.toEpochMilli() + millisSinceBase) * 1000;
    }

    /** The point-in-time join: per view, an ASOF LEFT JOIN, the TTL as a CASE per column. */
    String query() {
      StringBuilder select = new StringBuilder("SELECT s.event_timestamp, s.customer_id, s.label");
      StringBuilder from = new StringBuilder(" FROM spine s");
      for (int v = 0; v < views.size(); v++) {
        ViewData view = views.get(v);
        String t = "t" + v;
        for (int f = 0; f < features; f++) {
          String column = t + ".f" + f;
          if (view.ttl().isZero()) {
            select.append(", ").append(column);
          } else {
            // ours keeps a value while event time >= moment - TTL (boundary included)
            select
                .append(", CASE WHEN s.event_timestamp - ")
                .append(t)
                .append(".event_timestamp <= INTERVAL ")
                .append(view.ttl().toMillis() * 1000)
                .append(" MICROSECONDS THEN ")
                .append(column)
                .append(" END");
          }
          select.append(" AS ").append(view.name()).append("__f").append(f);
        }
        from.append(" ASOF LEFT JOIN ")
            .append(view.name())
            .append(' ')
            .append(t)
            .append(" ON s.customer_id = ")
            .append(t)
            .append(".customer_id AND s.event_timestamp >= ")
            .append(t)
            .append(".event_timestamp");
      }
      return select + from.toString() + " ORDER BY s.row_id";
    }

    /** Runs the join and reads every row and column through JDBC, as ours hands them to a sink. */
    Result run(int threads, Definitions definitions, boolean[] sampled) throws SQLException {
      try (Statement s = connection.createStatement()) {
        s.execute("SET threads = " + threads);
      }
      int width = FIRST_FEATURE_COLUMN + views.size() * features;
      long rows = 0;
      long checksum = 0;
      long nulls = 0;
      Map<Integer, Object[]> sample = new TreeMap<>();
      try (PreparedStatement statement = connection.prepareStatement(query());
          ResultSet result = statement.executeQuery()) {
        while (result.next()) {
          Object[] values = new Object[width];
          LocalDateTime ts = result.getObject(1, LocalDateTime.class);
          values[0] = ts.toInstant(ZoneOffset.UTC);
          values[1] = result.getLong(2);
          values[2] = result.getLong(3);
          for (int c = FIRST_FEATURE_COLUMN; c < width; c++) {
            double v = result.getDouble(c + 1);
            if (result.wasNull()) {
              nulls++;
            } else {
              values[c] = v;
            }
          }
          for (Object value : values) {
            checksum = mix(checksum, value);
          }
          if (sampled[(int) rows]) {
            sample.put((int) rows, values);
          }
          rows++;
        }
      }
      return new Result(rows, checksum, nulls, sample);
    }

    @Override
    public void close() throws SQLException {
      connection.close();
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Our side's databases and instruments

  /** A throw-away database for the offline store. */
  private static final class Database implements AutoCloseable {
    private final DataSource dataSource;
    private final boolean postgres;

    private Database(DataSource dataSource, boolean postgres) {
      this.dataSource = dataSource;
      this.postgres = postgres;
    }

    /** {@value #PG_DATABASE}, dropped and created again; left in place afterwards to inspect. */
    static Database postgres(String adminUrl) throws SQLException {
      PGSimpleDataSource admin = new PGSimpleDataSource();
      admin.setURL(adminUrl);
      admin.setUser("postgres");
      try (Connection c = admin.getConnection();
          Statement s = c.createStatement()) {
        s.execute("DROP DATABASE IF EXISTS " + PG_DATABASE + " WITH (FORCE)");
        s.execute("CREATE DATABASE " + PG_DATABASE);
        try (ResultSet r = s.executeQuery("SELECT version()")) {
          r.next();
          print("  %s", r.getString(1));
        }
      }
      PGSimpleDataSource pg = new PGSimpleDataSource(); // the driver's defaults
      pg.setURL(adminUrl);
      pg.setUser("postgres");
      pg.setDatabaseName(PG_DATABASE);
      return new Database(pg, true);
    }

    /** A file database under target/, deleted first. */
    static Database h2() throws IOException {
      Path dir = Path.of("target", "training-h2").toAbsolutePath();
      if (Files.isDirectory(dir)) {
        try (var files = Files.list(dir)) {
          for (Path file : files.toList()) {
            Files.delete(file);
          }
        }
      }
      Files.createDirectories(dir);
      JdbcDataSource h2 = new JdbcDataSource();
      h2.setURL("jdbc:h2:file:" + dir.resolve("bench") + ";DB_CLOSE_DELAY=-1");
      h2.setUser("mlp");
      print("  H2 file database in %s", dir);
      return new Database(h2, false);
    }

    DataSource dataSource() {
      return dataSource;
    }

    /** Fresh statistics and visibility map, as autovacuum would leave a loaded table. */
    void analyze(List<OfflineTable> tables) throws SQLException {
      try (Connection c = dataSource.getConnection();
          Statement s = c.createStatement()) {
        for (OfflineTable table : tables) {
          s.execute(
              (postgres ? "VACUUM ANALYZE \"" : "ANALYZE TABLE \"") + table.tableName() + "\"");
        }
      }
    }

    /** PostgreSQL's plan and timing of a full scan as the store issues it (columns and order). */
    void explainScan(OfflineTable table) throws SQLException {
      String columns =
          String.join(", ", table.columnNames().stream().map(c -> '"' + c + '"').toList());
      String sql =
          "EXPLAIN (ANALYZE, BUFFERS) SELECT "
              + columns
              + " FROM \""
              + table.tableName()
              + "\" WHERE \"event_timestamp\" <= '9999-12-31T00:00:00Z'"
              + " ORDER BY \"customer_id\", \"event_timestamp\"";
      if (!postgres) {
        sql = sql.replace("EXPLAIN (ANALYZE, BUFFERS)", "EXPLAIN ANALYZE");
      }
      try (Connection c = dataSource.getConnection();
          Statement s = c.createStatement();
          ResultSet r = s.executeQuery(sql)) {
        print("  plan of a full scan of %s:", table.tableName());
        while (r.next()) {
          print("    %s", r.getString(1));
        }
      }
    }

    @Override
    public void close() {}
  }

  /** Adds up the time spent inside the store's cursors. */
  private static final class TimingStore implements OfflineStore {
    private final OfflineStore delegate;
    private long nanos;

    TimingStore(OfflineStore delegate) {
      this.delegate = delegate;
    }

    @Override
    public void ensureTable(OfflineTable table) {
      delegate.ensureTable(table);
    }

    @Override
    public long write(OfflineTable table, Iterator<FeatureRow> rows, LongConsumer progress) {
      return delegate.write(table, rows, progress);
    }

    @Override
    public CloseableIterator<Observation> scan(OfflineTable table, Instant upTo) {
      return timed(() -> delegate.scan(table, upTo));
    }

    @Override
    public CloseableIterator<Observation> scan(
        OfflineTable table, Set<EntityKey> keys, Instant upTo) {
      return timed(() -> delegate.scan(table, keys, upTo));
    }

    @Override
    public CloseableIterator<Observation> latestPerEntity(
        OfflineTable table, Instant from, Instant to) {
      return delegate.latestPerEntity(table, from, to);
    }

    @Override
    public long count(OfflineTable table) {
      return delegate.count(table);
    }

    private CloseableIterator<Observation> timed(Supplier<CloseableIterator<Observation>> opening) {
      long start = System.nanoTime();
      CloseableIterator<Observation> cursor = opening.get();
      nanos += System.nanoTime() - start;
      return new CloseableIterator<>() {
        @Override
        public boolean hasNext() {
          long s = System.nanoTime();
          boolean more = cursor.hasNext();
          nanos += System.nanoTime() - s;
          return more;
        }

        @Override
        public Observation next() {
          long s = System.nanoTime();
          Observation next = cursor.next();
          nanos += System.nanoTime() - s;
          return next;
        }

        @Override
        public void close() {
          cursor.close();
        }
      };
    }
  }

  /** A catalogue in memory: entities and views only (the benchmark defines no services). */
  private static final class BenchCatalog implements FeatureCatalog {
    private final Map<ResourceName, EntityDefinition> entities = new TreeMap<>();
    private final Map<ResourceName, TreeMap<Integer, FeatureViewDefinition>> views =
        new TreeMap<>();

    @Override
    public Optional<EntityDefinition> entity(ResourceName name) {
      return Optional.ofNullable(entities.get(name));
    }

    @Override
    public List<EntityDefinition> entities() {
      return List.copyOf(entities.values());
    }

    @Override
    public void saveEntity(EntityDefinition entity) {
      entities.put(entity.name(), entity);
    }

    @Override
    public void deleteEntity(ResourceName name) {
      entities.remove(name);
    }

    @Override
    public Optional<FeatureViewDefinition> latestView(ResourceName name) {
      return Optional.ofNullable(views.get(name)).map(v -> v.lastEntry().getValue());
    }

    @Override
    public Optional<FeatureViewDefinition> view(ResourceName name, int version) {
      return Optional.ofNullable(views.get(name)).map(v -> v.get(version));
    }

    @Override
    public List<FeatureViewDefinition> latestViews() {
      return views.values().stream().map(v -> v.lastEntry().getValue()).toList();
    }

    @Override
    public List<FeatureViewDefinition> viewVersions(ResourceName name) {
      return List.copyOf(views.getOrDefault(name, new TreeMap<>()).values());
    }

    @Override
    public void saveView(FeatureViewDefinition view) {
      views.computeIfAbsent(view.name(), n -> new TreeMap<>()).put(view.version(), view);
    }

    @Override
    public void deleteView(ResourceName name) {
      views.remove(name);
    }

    @Override
    public Optional<FeatureServiceDefinition> latestService(ResourceName name) {
      return Optional.empty();
    }

    @Override
    public Optional<FeatureServiceDefinition> service(ResourceName name, int version) {
      return Optional.empty();
    }

    @Override
    public List<FeatureServiceDefinition> latestServices() {
      return List.of();
    }

    @Override
    public List<FeatureServiceDefinition> serviceVersions(ResourceName name) {
      return List.of();
    }

    @Override
    public void saveService(FeatureServiceDefinition service) {
      throw new UnsupportedOperationException("the benchmark defines no feature services");
    }

    @Override
    public void deleteService(ResourceName name) {}
  }
}
