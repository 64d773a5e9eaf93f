package org.mlplatform.benchmarks.monitoring;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mlplatform.domain.monitoring.ColumnValues;
import org.mlplatform.domain.monitoring.DriftAnalyzer;
import org.mlplatform.domain.monitoring.DriftColumn;
import org.mlplatform.domain.monitoring.DriftOptions;
import org.mlplatform.domain.monitoring.quality.ColumnProfile;
import org.mlplatform.domain.monitoring.quality.ColumnProfileBuilder;
import org.mlplatform.domain.monitoring.quality.DataQualityAnalyzer;
import org.mlplatform.domain.monitoring.window.Baseline;
import org.mlplatform.domain.monitoring.window.PredictionKind;
import org.mlplatform.domain.monitoring.window.WindowColumns;
import org.mlplatform.domain.serving.PredictionLogStore;
import org.mlplatform.serving.monitoring.LoggedJson;
import org.mlplatform.serving.monitoring.LoggedPredictions;
import org.mlplatform.serving.monitoring.MonitoredVersion;
import org.mlplatform.serving.monitoring.WindowReader;

/**
 * Where a run's time goes, measured once after the runs by doing its parts one at a time with the
 * same public calls the platform's code makes: the log's scan alone (JDBC fetch and building the
 * records), the scan with the JSON decoding of each record, the whole read; then the analysis'
 * parts: the window's columns widened to doubles, each side's values sorted ({@link
 * ColumnValues#numbers}), the drift tests on the sorted columns, and the quality profiles (as
 * {@code WindowAnalyzer}'s package-private {@code ColumnQuality} builds them).
 */
final class MonitoringPhases {

  private MonitoringPhases() {}

  /** Seconds per part, in the order measured. */
  static Map<String, Double> measure(
      PredictionLogStore store,
      MonitoredVersion version,
      Baseline baseline,
      LogDatabase.Window span,
      int rows) {
    Map<String, Double> seconds = new LinkedHashMap<>();
    String model = version.id().model().value();
    LoggedPredictions predictions = LoggedPredictions.of(version);

    long[] count = {0};
    long start = System.nanoTime();
    store.scan(model, span.from(), span.to(), rows, record -> count[0]++);
    seconds.put("scan only (JDBC fetch, PredictionRecord)", secs(start));

    double[] checksum = {0};
    start = System.nanoTime();
    store.scan(
        model,
        span.from(),
        span.to(),
        rows,
        record -> {
          double[] inputs = LoggedJson.numbers(record.inputs(), version.input());
          String[] labels = predictions.labels(record.outputs(), 1);
          checksum[0] += inputs[0] + labels.length;
        });
    seconds.put("scan + JSON decode of inputs and outputs", secs(start));

    WindowColumns window = new WindowColumns(version.features(), PredictionKind.LABEL, rows);
    start = System.nanoTime();
    new WindowReader(version, predictions).read(store, span.from(), span.to(), rows, window);
    seconds.put("scan + decode + copy into WindowColumns", secs(start));

    int features = version.features().size();
    start = System.nanoTime();
    double[][] current = new double[features][];
    for (int f = 0; f < features; f++) {
      current[f] = window.feature(f);
    }
    String[] labels = window.predictedLabels();
    seconds.put("window.feature(f): floats widened to doubles", secs(start));

    start = System.nanoTime();
    List<DriftColumn> columns = new ArrayList<>();
    for (int f = 0; f < features; f++) {
      columns.add(
          new DriftColumn(
              version.features().get(f),
              ColumnValues.numbers(baseline.reference()[f]),
              ColumnValues.numbers(current[f]),
              DriftOptions.defaults()));
    }
    seconds.put("ColumnValues.numbers: filter + sort, both sides", secs(start));

    start = System.nanoTime();
    DriftAnalyzer drift = DriftAnalyzer.withDefaults();
    drift.analyzeDataset(columns);
    drift.analyzeColumn(DriftColumn.categories("prediction", baseline.referenceLabels(), labels));
    seconds.put("drift tests on sorted columns (+ prediction)", secs(start));
    columns = null;

    start = System.nanoTime();
    for (int f = 0; f < features; f++) {
      ColumnProfileBuilder reference = ColumnProfileBuilder.numeric();
      for (double value : baseline.reference()[f]) {
        reference.addNumber(value);
      }
      ColumnProfile profile = reference.build();
      ColumnProfileBuilder now = ColumnProfileBuilder.againstReference(profile);
      for (double value : current[f]) {
        now.addNumber(value);
      }
      DataQualityAnalyzer.compare(version.features().get(f), profile, now.build());
    }
    seconds.put("quality profiles of the features", secs(start));
    if (count[0] == 0 || Double.isNaN(checksum[0])) {
      throw new IllegalStateException("the scans found nothing");
    }
    return seconds;
  }

  private static double secs(long start) {
    return (System.nanoTime() - start) / 1e9;
  }
}
