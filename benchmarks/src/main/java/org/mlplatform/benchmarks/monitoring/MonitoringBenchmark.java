package org.mlplatform.benchmarks.monitoring;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.logging.Logger;
import org.mlplatform.domain.monitoring.window.Baseline;
import org.mlplatform.persistence.serving.JdbcPredictionLogStore;
import org.mlplatform.serving.monitoring.MonitoredVersion;

/**
 * The monitoring goal: a drift and quality run over 1,000,000 logged predictions with 20
 * features in under 10 s, in bounded memory (run in the platform's default heap, {@code -Xmx768m}).
 *
 * <ol>
 *   <li>Set-up, timed but not part of the goal: database {@code mlpmonbench} dropped and created
 *       ({@code reuse=true} keeps it when it holds the same rows), the platform's schema, then
 *       {@code rows} one-row predictions of {@code bench} v1 appended through {@link
 *       JdbcPredictionLogStore#append} in batches of 5,000 ({@link SyntheticTraffic}, {@link
 *       LogDatabase}).
 *   <li>Each measured run ({@link MonitoringRun}), as the platform's monitoring makes a report: a
 *       {@code WindowColumns} of {@code rows}, filled by {@code WindowReader} over the log's whole
 *       time range (read), then {@code WindowAnalyzer} with the default drift options against a
 *       baseline of 50,000 training rows per feature and 10,000 held-out labels (analysis), so the
 *       large-reference methods apply (normed Wasserstein, Jensen–Shannon). Read, analysis, rows
 *       per second, drifted features and the heap's high-water mark ({@link HeapPeak}) per run.
 *   <li>With {@code phases=true}, the parts of a run once more one at a time ({@link
 *       MonitoringPhases}), then the table and a one-line summary ({@link MonitoringReport}).
 * </ol>
 *
 * <p>Arguments: see {@link MonitoringOptions}; {@code rows=1000000 features=20 reps=3}. A run fails
 * when the window does not get every row or a record is unreadable.
 */
public final class MonitoringBenchmark {

  private static final Logger LOG = Logger.getLogger(MonitoringBenchmark.class.getName());

  private MonitoringBenchmark() {}

  public static void main(String[] args) throws Exception {
    MonitoringOptions options = MonitoringOptions.parse(args);
    SyntheticTraffic traffic = new SyntheticTraffic(options.features());
    LogDatabase database = new LogDatabase(options);

    long setUp = System.nanoTime();
    if (database.reusable(traffic)) {
      LOG.info(() -> "set-up: database " + options.database() + " reused as it is");
    } else {
      database.create();
      database.load(traffic, Instant.now().truncatedTo(ChronoUnit.MICROS));
      LOG.info(
          () ->
              String.format(
                  Locale.ROOT,
                  "set-up: %,d predictions appended in %.1f s (%s)",
                  options.rows(),
                  secs(setUp),
                  describe(database)));
    }
    LogDatabase.Window span = database.window();
    if (span.records() != options.rows()) {
      throw new IllegalStateException(
          "the log holds " + span.records() + " records of the model, not " + options.rows());
    }
    long baselineStart = System.nanoTime();
    Baseline baseline = traffic.baseline(options.referenceRows(), options.referenceLabels());
    MonitoredVersion version = traffic.version();
    JdbcPredictionLogStore store = new JdbcPredictionLogStore(database.dataSource());
    LOG.info(
        () ->
            String.format(
                Locale.ROOT,
                "baseline of %,d rows made in %.1f s; window %s to %s",
                options.referenceRows(),
                secs(baselineStart),
                span.from(),
                span.to()));

    List<MonitoringRun.Measured> runs = new ArrayList<>();
    for (int i = 0; i < options.warmups() + options.reps(); i++) {
      MonitoringRun.Measured run =
          MonitoringRun.run(store, version, baseline, span, options.rows());
      if (run.rows() != options.rows() || run.unreadable() > 0) {
        throw new IllegalStateException(
            "the window got "
                + run.rows()
                + " rows of "
                + options.rows()
                + ", "
                + run.unreadable()
                + " records unreadable");
      }
      boolean warmup = i < options.warmups();
      if (!warmup) {
        runs.add(run);
      }
      LOG.info(
          () ->
              String.format(
                  Locale.ROOT,
                  "%s: read %.2f s, analyse %.2f s, heap peak %d MB (in use %d MB, after GC %d"
                      + " MB), drifted %s",
                  warmup ? "warm-up" : "run " + runs.size(),
                  run.readNanos() / 1e9,
                  run.analyseNanos() / 1e9,
                  run.heap().poolPeaks() >> 20,
                  run.heap().inUse() >> 20,
                  run.heap().live() >> 20,
                  run.drifted()));
    }
    if (options.phases()) {
      System.gc();
      LOG.info(
          MonitoringReport.phases(
              MonitoringPhases.measure(store, version, baseline, span, options.rows())));
    }
    LOG.info(MonitoringReport.table(options, runs, traffic.shiftedNames()));
    LOG.info(MonitoringReport.summary(options, runs));
  }

  private static String describe(LogDatabase database) {
    try {
      return database.describe();
    } catch (java.sql.SQLException e) {
      return "size unknown: " + e.getMessage();
    }
  }

  private static double secs(long start) {
    return (System.nanoTime() - start) / 1e9;
  }
}
