package org.mlplatform.portal.promotion;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.mlplatform.domain.DomainValidationException;
import org.mlplatform.domain.models.ModelVersion;
import org.mlplatform.domain.monitoring.ColumnDriftResult;
import org.mlplatform.domain.monitoring.DatasetDriftResult;
import org.mlplatform.domain.serving.PredictionRecord;
import org.mlplatform.portal.features.TrainingSetFiles;
import org.mlplatform.portal.serving.ServingRuntime;
import org.mlplatform.portal.serving.batch.TrainingServingDrift;
import org.mlplatform.workflows.promotion.CheckResult;

/**
 * Whether the traffic the model serves today still looks like the data the candidate learnt from:
 * each feature's drift between its training set and the latest logged predictions, failing when the
 * data set drifts (half the features or more, as Evidently decides it).
 */
@ApplicationScoped
public class DriftCheckStep {

  static final String NAME = "drift";

  /** Latest predictions compared; fewer than the minimum say too little to judge. */
  static final int RECENT = 1_000;

  static final int MINIMUM_ROWS = 30;

  /** Reference rows read from the training set. */
  static final int REFERENCE_ROWS = 50_000;

  @Inject private ServingRuntime serving;
  @Inject private TrainingSetFiles trainingSets;

  CheckResult check(ModelVersion candidate) {
    var trainingSet = candidate.lineage().trainingSetId();
    if (trainingSet.isEmpty() || !trainingSets.exists(trainingSet.get())) {
      return CheckResult.skipped(NAME, "the version names no training set on this platform");
    }
    List<PredictionRecord> recent = serving.logStore().recent(candidate.model().value(), RECENT);
    TrainingServingDrift.Comparison comparison;
    try (InputStream csv = trainingSets.open(trainingSet.get())) {
      comparison = TrainingServingDrift.compare(candidate, csv, recent, REFERENCE_ROWS);
    } catch (DomainValidationException e) {
      return CheckResult.skipped(NAME, e.getMessage());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (comparison.servingRows() < MINIMUM_ROWS) {
      return CheckResult.skipped(
          NAME,
          "only "
              + comparison.servingRows()
              + " served rows to compare (at least "
              + MINIMUM_ROWS
              + " needed)");
    }
    DatasetDriftResult drift = comparison.drift();
    String detail =
        String.format(
                Locale.ROOT,
                "%d of %d features drifted over the last %d served rows (dataset drift at %.0f%%): ",
                drift.driftedColumns(),
                drift.computedColumns(),
                comparison.servingRows(),
                100 * drift.driftShare())
            + drift.columns().stream()
                .map(DriftCheckStep::describe)
                .collect(Collectors.joining("; "));
    return drift.datasetDrifted()
        ? CheckResult.failed(NAME, detail)
        : CheckResult.passed(NAME, detail);
  }

  private static String describe(ColumnDriftResult column) {
    if (!column.isComputed()) {
      return column.column() + " not computable (" + column.reason().orElse("") + ")";
    }
    return String.format(
        Locale.ROOT,
        "%s %s %s %.3g%s",
        column.column(),
        column.drifted() ? "drifted," : "stable,",
        column.method().map(m -> m.name().toLowerCase(Locale.ROOT)).orElse(""),
        column.score().orElse(Double.NaN),
        column.psi().isPresent()
            ? String.format(Locale.ROOT, ", PSI %.3g", column.psi().getAsDouble())
            : "");
  }
}
