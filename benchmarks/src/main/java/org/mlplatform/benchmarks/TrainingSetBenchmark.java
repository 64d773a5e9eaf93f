package org.mlplatform.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.mlplatform.benchmarks.TrainingSetData.Definitions;
import org.mlplatform.benchmarks.TrainingSetData.Spine;
import org.mlplatform.benchmarks.TrainingSetData.ViewData;
import org.mlplatform.domain.features.AsOfJoin.Observation;
import org.mlplatform.domain.features.offline.CloseableIterator;
import org.mlplatform.domain.features.offline.OfflineStore;
import org.mlplatform.domain.features.offline.OfflineTable;
import org.mlplatform.domain.features.offline.RowFilter;
import org.mlplatform.domain.features.training.EntityRows;
import org.mlplatform.domain.features.training.TrainingSetBuilder;
import org.mlplatform.persistence.offline.JdbcOfflineStore;
import org.mlplatform.persistence.offline.history.HistoryDirectory;

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
 * {@code 200000+parallel} is the platform's setting), then optionally {@code +copies} or {@code
 * +copies-cold} (through local copies of the views; see {@link BuilderVariant}) ({@code
 * default,0,max,default+parallel,200000+parallel}), {@code phases=} whether to time the build's
 * phases once after the measurements (true), {@code pg=} the JDBC URL of the PostgreSQL server
 * ({@code jdbc:postgresql://127.0.0.1:5432/postgres}, user postgres), {@code duckdb=false} to leave
 * DuckDB out (when profiling ours).
 */
public final class TrainingSetBenchmark {

  static final Instant BASE = Instant.parse("2025-01-01T00:00:00Z");
  static final long DAY_MS = Duration.ofDays(1).toMillis();
  static final long SPAN_MS = 30 * DAY_MS;
  static final long SEED = 20250101L;
  static final double NULL_RATE = 0.01;
  static final String PG_DATABASE = "mlp_bench_training";
  static final int FIRST_FEATURE_COLUMN = 3; // event_timestamp, customer_id, label
  static final int DEFAULT_KEYED_SCAN_LIMIT = 50_000; // TrainingSetBuilder's default
  static final int CORES = Runtime.getRuntime().availableProcessors();

  /** Reads the views for the builder's concurrent variants ({@code pool=} threads). */
  static ExecutorService viewReaders;

  private TrainingSetBenchmark() {}

  /** The benchmark's parameters, from {@code key=value} arguments. */
  record Config(
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
      try (BenchmarkDatabase pg = BenchmarkDatabase.postgres(config.pgUrl())) {
        measureStore("PG", pg, views, definitions, entityRows, reference, sampled, config, results);
      }
    }
    if (config.h2()) {
      try (BenchmarkDatabase h2 = BenchmarkDatabase.h2()) {
        measureStore(
            "H2 (file)", h2, views, definitions, entityRows, reference, sampled, config, results);
      }
    }
    report(results, config);
  }

  static void measureDuckDb(
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

  static void measureStore(
      String label,
      BenchmarkDatabase database,
      List<ViewData> views,
      Definitions definitions,
      EntityRows entityRows,
      Reference reference,
      boolean[] sampled,
      Config config,
      Map<String, List<Double>> results)
      throws SQLException, IOException {
    OfflineStore store = new JdbcOfflineStore(database.dataSource());
    Path copiesDir = Files.createTempDirectory("mlp-bench-copies");
    OfflineStore copying =
        new JdbcOfflineStore(
            database.dataSource(), new HistoryDirectory(copiesDir, Integer.MAX_VALUE));
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

    for (String given : config.variants()) {
      BuilderVariant variant = BuilderVariant.parse(given);
      String name = label + ", builder " + variant.name();
      List<Double> times = new ArrayList<>();
      boolean copies = variant.copies() != BuilderVariant.Copies.NONE;
      for (int run = 0; run < config.warmups() + config.reps(); run++) {
        if (variant.copies() == BuilderVariant.Copies.MADE_EACH_RUN) {
          for (OfflineTable table : definitions.tables()) {
            store.write(table, Collections.emptyIterator(), done -> {}); // a new stamp: stale
          }
        }
        System.gc();
        CheckingSink sink = new CheckingSink(sampled);
        long start = System.nanoTime();
        variant
            .builder(copies ? copying : store, viewReaders)
            .build(definitions.plan(), entityRows, sink, done -> {});
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
    Folders.deleteRecursively(copiesDir);
    if (config.phases()) {
      phases(label, store, definitions, entityRows, sampled, reference);
      database.explainScan(definitions.tables().getFirst());
    }
  }

  /**
   * One diagnostic build (default builder) with its time split: in the store's cursors (database,
   * network, JDBC decoding, building observations), in the join, and in assembling rows for the
   * sink; then the cursors alone, drained without a join, and PostgreSQL's own plan of a scan.
   */
  static void phases(
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
      try (CloseableIterator<Observation> it =
          store.scanRange(table, Instant.MIN, Instant.MAX, RowFilter.ALL)) {
        while (it.hasNext()) {
          it.next();
          rows++;
        }
      }
      print(
          "  store.scanRange(%s) drained alone: %,d rows in %.2f s",
          table.tableName(), rows, secs(drain));
    }
  }

  static String duckName(int threads) {
    return "DuckDB ASOF JOIN, " + threads + " thread" + (threads > 1 ? "s" : "");
  }

  static void report(Map<String, List<Double>> results, Config config) {
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

  static double median(List<Double> times) {
    List<Double> sorted = times.stream().sorted().toList();
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }

  static boolean[] sample(Config config) {
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

  static double secs(long startNanos) {
    return (System.nanoTime() - startNanos) / 1e9;
  }

  static void print(String format, Object... args) {
    System.out.println(String.format(Locale.ROOT, format, args));
    System.out.flush();
  }

  /** Order-dependent checksum of one value; the same on both sides. */
  static long mix(long hash, Object value) {
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
  // Results and their checks

  /** What a run produced: row count, checksum over every value, nulls, and the sampled rows. */
  record Result(long rows, long checksum, long nullFeatures, Map<Integer, Object[]> sample) {
    @Override
    public String toString() {
      return String.format(
          Locale.ROOT, "rows=%,d nulls=%,d checksum=%016x", rows, nullFeatures, checksum);
    }
  }
}
