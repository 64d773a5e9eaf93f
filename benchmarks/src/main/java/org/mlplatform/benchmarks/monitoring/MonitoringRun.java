package org.mlplatform.benchmarks.monitoring;

import java.lang.management.ManagementFactory;
import java.util.List;
import org.mlplatform.domain.monitoring.ColumnDriftResult;
import org.mlplatform.domain.monitoring.DriftAnalyzer;
import org.mlplatform.domain.monitoring.DriftOptions;
import org.mlplatform.domain.monitoring.quality.ColumnQualityResult;
import org.mlplatform.domain.monitoring.window.Baseline;
import org.mlplatform.domain.monitoring.window.PredictionKind;
import org.mlplatform.domain.monitoring.window.WindowAnalyzer;
import org.mlplatform.domain.monitoring.window.WindowColumns;
import org.mlplatform.domain.monitoring.window.WindowReport;
import org.mlplatform.domain.serving.PredictionLogStore;
import org.mlplatform.serving.monitoring.LoggedPredictions;
import org.mlplatform.serving.monitoring.MonitoredVersion;
import org.mlplatform.serving.monitoring.WindowReader;

/**
 * One measured run, as the platform's monitoring makes a report: a window of {@code rows} filled by
 * {@link WindowReader} from the log (scan and decode), then held against the baseline by {@link
 * WindowAnalyzer} with the default drift options (analysis). The heap's high-water marks are taken
 * from the start of the run.
 */
final class MonitoringRun {

  /**
   * What one run measured.
   *
   * @param readNanos filling the window: the log's scan, JSON decoding, copying into columns
   * @param analyseNanos drift of every feature and of the prediction, data quality of each column
   * @param heap the heap's high-water marks during the run
   * @param jvmCpuNanos CPU time of this JVM during the run, all threads
   * @param postgresCpuNanos CPU time of PostgreSQL's processes during the run; negative if unknown
   * @param load the machine's load average over the minute before the run (other work competes)
   * @param drifted names of the features found drifted
   */
  record Measured(
      long readNanos,
      long analyseNanos,
      int rows,
      long records,
      long unreadable,
      List<String> drifted,
      boolean datasetDrifted,
      String prediction,
      long qualityComputed,
      HeapPeak.Peaks heap,
      long jvmCpuNanos,
      long postgresCpuNanos,
      double load) {

    long totalNanos() {
      return readNanos + analyseNanos;
    }
  }

  private MonitoringRun() {}

  /** One thread per core for the columns, as the platform's monitoring pool. */
  private static final java.util.concurrent.ExecutorService COLUMNS =
      java.util.concurrent.Executors.newFixedThreadPool(
          Runtime.getRuntime().availableProcessors(),
          Thread.ofPlatform().daemon().name("columns-", 0).factory());

  static Measured run(
      PredictionLogStore store,
      MonitoredVersion version,
      Baseline baseline,
      LogDatabase.Window span,
      int rows) {
    try (HeapPeak peak = HeapPeak.start()) {
      return measure(store, version, baseline, span, rows, peak);
    }
  }

  private static Measured measure(
      PredictionLogStore store,
      MonitoredVersion version,
      Baseline baseline,
      LogDatabase.Window span,
      int rows,
      HeapPeak peak) {
    double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    long postgresCpu = CpuTime.postgresNanos();
    long jvmCpu = CpuTime.jvmNanos();
    long start = System.nanoTime();
    WindowColumns window = new WindowColumns(version.features(), PredictionKind.LABEL, rows);
    // As the platform runs it: JSON parsed on a second thread while this one reads, and one
    // column per core analysed at a time.
    WindowReader.Read read =
        new WindowReader(version, LoggedPredictions.of(version))
            .read(store, span.from(), span.to(), rows, window, Thread.ofPlatform().factory());
    long readEnd = System.nanoTime();
    WindowReport report =
        new WindowAnalyzer(DriftAnalyzer.withDefaults(), name -> DriftOptions.defaults(), COLUMNS)
            .analyze(baseline, window);
    long end = System.nanoTime();
    jvmCpu = CpuTime.jvmNanos() - jvmCpu;
    postgresCpu = postgresCpu < 0 ? -1 : CpuTime.postgresNanos() - postgresCpu;
    HeapPeak.Peaks heap = peak.peaks();
    return new Measured(
        readEnd - start,
        end - readEnd,
        window.rows(),
        read.records(),
        read.unreadable(),
        report.features().columns().stream()
            .filter(ColumnDriftResult::drifted)
            .map(ColumnDriftResult::column)
            .toList(),
        report.features().datasetDrifted(),
        report.prediction().map(MonitoringRun::describe).orElse("none"),
        report.quality().stream().filter(ColumnQualityResult::isComputed).count(),
        heap,
        jvmCpu,
        postgresCpu,
        load);
  }

  private static String describe(ColumnDriftResult result) {
    return result.isComputed()
        ? String.format(
            java.util.Locale.ROOT,
            "%s %.3f%s",
            result.method().orElseThrow(),
            result.score().orElseThrow(),
            result.drifted() ? " drifted" : "")
        : "not computable";
  }
}
