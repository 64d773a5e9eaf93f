package org.mlplatform.portal.ui.monitoring;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.UUID;
import org.mlplatform.domain.monitoring.ColumnDriftResult;
import org.mlplatform.domain.monitoring.ColumnKind;
import org.mlplatform.domain.monitoring.DatasetDriftResult;
import org.mlplatform.domain.monitoring.DriftMethod;
import org.mlplatform.domain.monitoring.DriftStatus;
import org.mlplatform.domain.monitoring.PsiBand;
import org.mlplatform.domain.monitoring.SampleCounts;
import org.mlplatform.domain.monitoring.history.MonitoringSnapshot;
import org.mlplatform.domain.monitoring.history.SnapshotColumn;
import org.mlplatform.domain.monitoring.quality.ColumnQualityResult;
import org.mlplatform.domain.monitoring.quality.MissingValueShares;
import org.mlplatform.domain.monitoring.quality.NewCategories;
import org.mlplatform.domain.monitoring.quality.QualityStatus;
import org.mlplatform.domain.monitoring.quality.RowShare;
import org.mlplatform.domain.monitoring.window.WindowReport;
import org.mlplatform.portal.monitoring.MonitoringReport;
import org.mlplatform.portal.monitoring.PerformanceReport;

/** Domain values for the monitoring tests, valid by the domain's own rules. */
final class MonitoringFixtures {

  static final Instant T = Instant.parse("2026-03-01T10:00:00Z");

  private MonitoringFixtures() {}

  /** A Wasserstein result: drifted from a score of 0.1 on. */
  static ColumnDriftResult numeric(String column, double score, double psi) {
    return new ColumnDriftResult(
        column,
        Optional.of(ColumnKind.NUMERICAL),
        Optional.of(DriftMethod.WASSERSTEIN),
        OptionalDouble.of(0.1),
        OptionalDouble.of(score),
        DriftMethod.WASSERSTEIN.drifted(score, 0.1),
        OptionalDouble.of(psi),
        Optional.of(PsiBand.of(psi)),
        new SampleCounts(1000, 0),
        new SampleCounts(200, 10),
        DriftStatus.COMPUTED,
        Optional.empty());
  }

  /** A chi-square result on a label: drifted below a p-value of 0.05. */
  static ColumnDriftResult label(String column, double pValue) {
    return new ColumnDriftResult(
        column,
        Optional.of(ColumnKind.CATEGORICAL),
        Optional.of(DriftMethod.CHI_SQUARE),
        OptionalDouble.of(0.05),
        OptionalDouble.of(pValue),
        DriftMethod.CHI_SQUARE.drifted(pValue, 0.05),
        OptionalDouble.of(0.02),
        Optional.of(PsiBand.of(0.02)),
        new SampleCounts(1000, 0),
        new SampleCounts(200, 0),
        DriftStatus.COMPUTED,
        Optional.empty());
  }

  static ColumnDriftResult notComputable(String column, String reason) {
    return new ColumnDriftResult(
        column,
        Optional.empty(),
        Optional.empty(),
        OptionalDouble.empty(),
        OptionalDouble.empty(),
        false,
        OptionalDouble.empty(),
        Optional.empty(),
        new SampleCounts(1000, 0),
        new SampleCounts(0, 0),
        DriftStatus.NOT_COMPUTABLE,
        Optional.of(reason));
  }

  static RowShare share(double value) {
    return new RowShare(OptionalDouble.of(value), Optional.empty());
  }

  static MissingValueShares missing(double share) {
    return new MissingValueShares(share(share), share(0), share(0));
  }

  static ColumnQualityResult numericQuality(String column, double missingNow, double outOfRange) {
    return new ColumnQualityResult(
        column,
        200,
        missing(0),
        missing(missingNow),
        Optional.of(share(outOfRange)),
        Optional.empty(),
        QualityStatus.COMPUTED,
        Optional.empty());
  }

  static ColumnQualityResult labelQuality(String column, List<String> newOnes, double newShare) {
    return new ColumnQualityResult(
        column,
        200,
        missing(0.01),
        missing(0),
        Optional.empty(),
        Optional.of(new NewCategories(newOnes, newOnes.size(), 7, share(newShare))),
        QualityStatus.COMPUTED,
        Optional.empty());
  }

  static DatasetDriftResult dataset(List<ColumnDriftResult> columns, double driftShare) {
    int computed = (int) columns.stream().filter(ColumnDriftResult::isComputed).count();
    int drifted = (int) columns.stream().filter(ColumnDriftResult::drifted).count();
    double share = computed == 0 ? 0.0 : (double) drifted / computed;
    return new DatasetDriftResult(
        columns, driftShare, computed, drifted, share, computed > 0 && share >= driftShare);
  }

  /** amount drifted, age not, city not computable; a label prediction without drift. */
  static WindowReport window() {
    return new WindowReport(
        dataset(
            List.of(
                numeric("amount", 0.4, 0.3),
                numeric("age", 0.02, 0.01),
                notComputable("city", "no current values")),
            0.5),
        Optional.of(label(WindowReport.PREDICTION, 0.3)),
        List.of(
            numericQuality("amount", 0.05, 0.125),
            numericQuality("age", 0, 0),
            labelQuality(WindowReport.PREDICTION, List.of("fraud?"), 0.035)),
        200);
  }

  static PerformanceReport performance(Map<String, Double> metrics, Map<String, Double> heldOut) {
    return new PerformanceReport(
        metrics.isEmpty() ? 0 : 50,
        metrics,
        heldOut,
        metrics.isEmpty() ? Optional.of("no ground truth in this window") : Optional.empty());
  }

  static MonitoringReport report(Optional<WindowReport> window, PerformanceReport performance) {
    return new MonitoringReport(
        "fraud",
        3,
        T.minusSeconds(3600),
        T,
        window.map(WindowReport::rows).orElse(0),
        window.map(w -> "training set ts-1"),
        window,
        window.isPresent() ? Optional.empty() : Optional.of("no predictions of v3 in this window"),
        List.of(),
        performance);
  }

  static SnapshotColumn column(String name, Double score, boolean drifted) {
    boolean computed = score != null;
    return new SnapshotColumn(
        name,
        Optional.of("numerical"),
        Optional.of("wasserstein"),
        OptionalDouble.of(0.1),
        computed ? OptionalDouble.of(score) : OptionalDouble.empty(),
        drifted,
        computed ? OptionalDouble.of(score * 2) : OptionalDouble.empty(), // PSI
        OptionalDouble.of(0),
        OptionalDouble.empty(),
        OptionalDouble.empty(),
        computed ? SnapshotColumn.COMPUTED : SnapshotColumn.NOT_COMPUTABLE,
        computed ? Optional.empty() : Optional.of("no current values"));
  }

  static MonitoringSnapshot snapshot(
      Instant at,
      double shareDrifted,
      boolean datasetDrifted,
      List<SnapshotColumn> columns,
      Map<String, Double> performance) {
    return new MonitoringSnapshot(
        UUID.randomUUID(),
        "fraud",
        3,
        at,
        at.minusSeconds(3600),
        at,
        120,
        shareDrifted,
        datasetDrifted,
        columns,
        performance,
        performance.isEmpty() ? 0 : 40,
        1500);
  }
}
