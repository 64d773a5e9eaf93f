package org.mlplatform.domain.monitoring.window;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.Function;
import org.mlplatform.domain.monitoring.ColumnDriftResult;
import org.mlplatform.domain.monitoring.ColumnValues;
import org.mlplatform.domain.monitoring.DriftAnalyzer;
import org.mlplatform.domain.monitoring.DriftColumn;
import org.mlplatform.domain.monitoring.DriftOptions;
import org.mlplatform.domain.monitoring.quality.ColumnQualityResult;

/**
 * Holds a window against its baseline: drift per feature (with the caller's per-feature options)
 * and of the prediction, and the data quality of every column. Stateless.
 *
 * <p>Columns are analysed one task each on the executor given: a million-row column takes about a
 * tenth of a second to sort and test, and its sorted copies are dropped as soon as its verdict is
 * in, so memory holds only as many copies as there are threads.
 */
public final class WindowAnalyzer {

  private final DriftAnalyzer drift;
  private final Function<String, DriftOptions> options;
  private final Executor executor;

  /** Analyses the columns one after the other on the calling thread. */
  public WindowAnalyzer(DriftAnalyzer drift, Function<String, DriftOptions> options) {
    this(drift, options, Runnable::run);
  }

  /**
   * @param options the drift options of a column, by name ({@link WindowReport#PREDICTION} for the
   *     prediction)
   * @param executor runs the columns' tasks; the calling thread waits for them, so it must not be
   *     one of the executor's own threads when the executor is bounded
   */
  public WindowAnalyzer(
      DriftAnalyzer drift, Function<String, DriftOptions> options, Executor executor) {
    this.drift = drift;
    this.options = options;
    this.executor = executor;
  }

  private record ColumnVerdict(ColumnDriftResult drift, ColumnQualityResult quality) {}

  /**
   * @throws IllegalArgumentException when window and baseline are not of the same features and
   *     prediction kind, or an override does not fit its column
   */
  public WindowReport analyze(Baseline baseline, WindowColumns window) {
    if (!baseline.features().equals(window.features())
        || baseline.predictionKind() != window.predictionKind()) {
      throw new IllegalArgumentException(
          "the window's columns " + window.features() + " are not the baseline's");
    }
    List<CompletableFuture<ColumnVerdict>> features = new ArrayList<>();
    for (int f = 0; f < baseline.features().size(); f++) {
      int column = f;
      features.add(
          CompletableFuture.supplyAsync(() -> feature(baseline, window, column), executor));
    }
    CompletableFuture<Optional<ColumnDriftResult>> prediction =
        CompletableFuture.supplyAsync(
            () ->
                baseline.referencePredictions() > 0
                    ? Optional.of(drift.analyzeColumn(predictionColumn(baseline, window)))
                    : Optional.<ColumnDriftResult>empty(),
            executor);
    List<ColumnDriftResult> results = new ArrayList<>();
    List<ColumnQualityResult> quality = new ArrayList<>();
    for (CompletableFuture<ColumnVerdict> future : features) {
      ColumnVerdict verdict = join(future);
      results.add(verdict.drift());
      quality.add(verdict.quality());
    }
    quality.add(predictionQuality(baseline, window));
    return new WindowReport(drift.combine(results), join(prediction), quality, window.rows());
  }

  private ColumnVerdict feature(Baseline baseline, WindowColumns window, int f) {
    String name = baseline.features().get(f);
    double[] current = window.feature(f);
    ColumnDriftResult result =
        drift.analyzeColumn(
            new DriftColumn(
                name,
                ColumnValues.numbers(baseline.reference()[f]),
                ColumnValues.numbers(current),
                options.apply(name)));
    return new ColumnVerdict(
        result, ColumnQuality.ofNumbers(name, baseline.reference()[f], current));
  }

  /** The task's result, or what it threw, as thrown. */
  private static <T> T join(CompletableFuture<T> future) {
    try {
      return future.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException cause) {
        throw cause;
      }
      if (e.getCause() instanceof Error error) {
        throw error;
      }
      throw e;
    }
  }

  private DriftColumn predictionColumn(Baseline baseline, WindowColumns window) {
    DriftOptions predictionOptions = options.apply(WindowReport.PREDICTION);
    return baseline.predictionKind() == PredictionKind.LABEL
        ? new DriftColumn(
            WindowReport.PREDICTION,
            ColumnValues.categories(baseline.referenceLabels()),
            ColumnValues.categories(window.predictedLabels()),
            predictionOptions)
        : new DriftColumn(
            WindowReport.PREDICTION,
            ColumnValues.numbers(baseline.referenceValues()),
            ColumnValues.numbers(window.predictedValues()),
            predictionOptions);
  }

  private static ColumnQualityResult predictionQuality(Baseline baseline, WindowColumns window) {
    return baseline.predictionKind() == PredictionKind.LABEL
        ? ColumnQuality.ofCategories(
            WindowReport.PREDICTION, baseline.referenceLabels(), window.predictedLabels())
        : ColumnQuality.ofNumbers(
            WindowReport.PREDICTION, baseline.referenceValues(), window.predictedValues());
  }
}
