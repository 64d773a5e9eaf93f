package org.mlplatform.benchmarks.monitoring;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToLongFunction;

/** The benchmark's table (one line per measured run, then the medians) and its one-line summary. */
final class MonitoringReport {

  static final double GOAL_SECONDS = 10;
  private static final double MB = 1024 * 1024;
  private static final String FORMAT =
      "%-6s | %6s | %9s | %7s | %9s | %7s | %10s | %9s | %8s | %7s | %6s | %5s%n";

  private MonitoringReport() {}

  static String table(
      MonitoringOptions options, List<MonitoringRun.Measured> runs, List<String> expected) {
    StringBuilder out = new StringBuilder();
    out.append(
        String.format(
            Locale.ROOT,
            "%nMonitoring: window of %,d logged predictions x %d features, baseline %,d rows per"
                + " feature and %,d labels, heap -Xmx %.0f MB, %d cores (load: the 1-minute load"
                + " average before the run)%n",
            options.rows(),
            options.features(),
            options.referenceRows(),
            options.referenceLabels(),
            HeapPeak.max() / MB,
            Runtime.getRuntime().availableProcessors()));
    out.append(
        String.format(
            Locale.ROOT,
            FORMAT,
            "run",
            "read s",
            "analyse s",
            "total s",
            "rows/s",
            "drifted",
            "heap peak*",
            "in use MB",
            "after GC",
            "JVM cpu",
            "PG cpu",
            "load"));
    out.append("-".repeat(122)).append(System.lineSeparator());
    for (int i = 0; i < runs.size(); i++) {
      MonitoringRun.Measured run = runs.get(i);
      out.append(
          line(
              Integer.toString(i + 1),
              run.readNanos(),
              run.analyseNanos(),
              run.totalNanos(),
              run.rows(),
              run.drifted().size(),
              run.heap(),
              String.format(Locale.ROOT, "%.2f", run.jvmCpuNanos() / 1e9),
              run.postgresCpuNanos() < 0
                  ? "?"
                  : String.format(Locale.ROOT, "%.2f", run.postgresCpuNanos() / 1e9),
              String.format(Locale.ROOT, "%.1f", run.load())));
    }
    out.append(
        line(
            "median",
            median(runs, MonitoringRun.Measured::readNanos),
            median(runs, MonitoringRun.Measured::analyseNanos),
            median(runs, MonitoringRun.Measured::totalNanos),
            runs.getFirst().rows(),
            runs.getFirst().drifted().size(),
            new HeapPeak.Peaks(
                median(runs, run -> run.heap().poolPeaks()),
                median(runs, run -> run.heap().inUse()),
                median(runs, run -> run.heap().live())),
            String.format(
                Locale.ROOT, "%.2f", median(runs, MonitoringRun.Measured::jvmCpuNanos) / 1e9),
            String.format(
                Locale.ROOT, "%.2f", median(runs, MonitoringRun.Measured::postgresCpuNanos) / 1e9),
            ""));
    MonitoringRun.Measured last = runs.getLast();
    out.append(
        String.format(
            Locale.ROOT,
            "records read %,d (unreadable %,d); drifted %s (expected %s); data set drifted %b;"
                + " prediction %s; quality computed for %d columns%n"
                + "* heap peak: the sum of the heap pools' peaks, in MB (above the heap in use at any"
                + " one time); in use: the fullest the heap was; after GC: the most a collection left;"
                + " cpu: seconds of CPU of this JVM (all threads) and of PostgreSQL during the run%n",
            last.records(),
            last.unreadable(),
            last.drifted(),
            expected,
            last.datasetDrifted(),
            last.prediction(),
            last.qualityComputed()));
    return out.toString();
  }

  static String summary(MonitoringOptions options, List<MonitoringRun.Measured> runs) {
    double total = median(runs, MonitoringRun.Measured::totalNanos) / 1e9;
    long maxPeak = runs.stream().mapToLong(run -> run.heap().poolPeaks()).max().orElseThrow();
    long maxInUse = runs.stream().mapToLong(run -> run.heap().inUse()).max().orElseThrow();
    long maxLive = runs.stream().mapToLong(run -> run.heap().live()).max().orElseThrow();
    return String.format(
        Locale.ROOT,
        "monitoring %,d rows x %d features: median total %.1f s (read %.1f s, analyse %.1f s),"
            + " heap peak %.0f MB of %.0f MB (in use at most %.0f MB, %.0f MB after GC);"
            + " goal under %.0f s: %s",
        options.rows(),
        options.features(),
        total,
        median(runs, MonitoringRun.Measured::readNanos) / 1e9,
        median(runs, MonitoringRun.Measured::analyseNanos) / 1e9,
        maxPeak / MB,
        HeapPeak.max() / MB,
        maxInUse / MB,
        maxLive / MB,
        GOAL_SECONDS,
        total < GOAL_SECONDS ? "met" : "NOT met");
  }

  static String phases(Map<String, Double> seconds) {
    StringBuilder out = new StringBuilder("Parts of one run, done one at a time:");
    out.append(System.lineSeparator());
    seconds.forEach(
        (part, s) -> out.append(String.format(Locale.ROOT, "  %-50s %7.2f s%n", part, s)));
    return out.toString();
  }

  private static String line(
      String name,
      long readNanos,
      long analyseNanos,
      long totalNanos,
      int rows,
      int drifted,
      HeapPeak.Peaks heap,
      String jvmCpu,
      String postgresCpu,
      String load) {
    return String.format(
        Locale.ROOT,
        FORMAT,
        name,
        String.format(Locale.ROOT, "%.2f", readNanos / 1e9),
        String.format(Locale.ROOT, "%.2f", analyseNanos / 1e9),
        String.format(Locale.ROOT, "%.2f", totalNanos / 1e9),
        String.format(Locale.ROOT, "%,.0f", rows / (totalNanos / 1e9)),
        drifted,
        String.format(Locale.ROOT, "%.0f", heap.poolPeaks() / MB),
        String.format(Locale.ROOT, "%.0f", heap.inUse() / MB),
        String.format(Locale.ROOT, "%.0f", heap.live() / MB),
        jvmCpu,
        postgresCpu,
        load);
  }

  private static long median(
      List<MonitoringRun.Measured> runs, ToLongFunction<MonitoringRun.Measured> value) {
    long[] sorted = runs.stream().mapToLong(value).sorted().toArray();
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }
}
