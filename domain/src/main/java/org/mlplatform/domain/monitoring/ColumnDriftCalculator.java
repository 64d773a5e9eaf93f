package org.mlplatform.domain.monitoring;

import java.util.Optional;
import java.util.OptionalDouble;

/** Works out one column's verdict: kind, method, threshold, score and PSI. */
final class ColumnDriftCalculator {

  /** Evidently bins a numerical column for Jensen–Shannon only above this many distinct values. */
  private static final int MAX_DISTINCT_COMPARED_PER_VALUE = 20;

  private ColumnDriftCalculator() {}

  static ColumnDriftResult analyze(DriftColumn column) {
    ColumnValues reference = column.reference();
    ColumnValues current = column.current();
    DriftOptions options = column.options();
    options.method().ifPresent(method -> checkApplicable(method, column));

    if (reference.counts().present() == 0) {
      return notComputable(
          column, Optional.empty(), options.method(), "the reference has no non-missing values");
    }
    Optional<ColumnKind> kind = ColumnKindDetector.detect(reference, options.declaredCategorical());
    if (kind.isEmpty()) {
      return notComputable(
          column,
          kind,
          options.method(),
          "the reference is constant (a single distinct value), so there is no spread to compare"
              + " against");
    }
    DriftMethod method =
        options
            .method()
            .orElseGet(() -> DriftMethodSelector.select(kind.get(), reference.counts().present()));
    double threshold = options.threshold().orElse(method.defaultThreshold());
    method.checkThreshold(threshold);

    int currentValues = current.counts().present();
    if (currentValues == 0) {
      return notComputable(
          column, kind, Optional.of(method), "the current data has no non-missing values");
    }
    if (method == DriftMethod.KOLMOGOROV_SMIRNOV
        && currentValues < KolmogorovSmirnovDrift.MIN_VALUES) {
      return notComputable(
          column,
          kind,
          Optional.of(method),
          "the Kolmogorov-Smirnov test needs at least "
              + KolmogorovSmirnovDrift.MIN_VALUES
              + " current values, there is "
              + currentValues);
    }
    double psi = PopulationStabilityIndex.of(psiBins(kind.get(), reference, current));
    double score = score(method, kind.get(), reference, current, psi);
    return ColumnDriftResult.computed(
        column.name(),
        kind.get(),
        method,
        threshold,
        score,
        psi,
        reference.counts(),
        current.counts());
  }

  private static double score(
      DriftMethod method,
      ColumnKind kind,
      ColumnValues reference,
      ColumnValues current,
      double psi) {
    return switch (method) {
      case KOLMOGOROV_SMIRNOV -> KolmogorovSmirnovDrift.pValue(sorted(reference), sorted(current));
      case WASSERSTEIN -> WassersteinDistanceDrift.normed(sorted(reference), sorted(current));
      case CHI_SQUARE -> ChiSquareDrift.pValue(reference.countsPerValue(current));
      case Z_TEST -> ProportionZTestDrift.pValue(reference.countsPerValue(current));
      case JENSEN_SHANNON ->
          JensenShannonDrift.distance(jensenShannonBins(kind, reference, current));
      case PSI -> psi;
    };
  }

  /** Reference deciles for a numerical column, one bin per category otherwise. */
  private static BinCounts psiBins(ColumnKind kind, ColumnValues reference, ColumnValues current) {
    return kind == ColumnKind.NUMERICAL
        ? ReferenceDecileBins.of(sorted(reference), sorted(current))
        : reference.countsPerValue(current);
  }

  private static BinCounts jensenShannonBins(
      ColumnKind kind, ColumnValues reference, ColumnValues current) {
    return kind == ColumnKind.NUMERICAL
            && reference.distinctCount() > MAX_DISTINCT_COMPARED_PER_VALUE
        ? SturgesBins.of(sorted(reference), sorted(current))
        : reference.countsPerValue(current);
  }

  private static double[] sorted(ColumnValues values) {
    return ((NumericColumnValues) values).sortedPresent();
  }

  private static void checkApplicable(DriftMethod method, DriftColumn column) {
    Require.that(
        !method.numbersOnly() || column.reference().isNumeric(),
        "method",
        "method "
            + method
            + " compares numbers, but column '"
            + column.name()
            + "' holds categories");
  }

  private static ColumnDriftResult notComputable(
      DriftColumn column, Optional<ColumnKind> kind, Optional<DriftMethod> method, String reason) {
    OptionalDouble threshold = column.options().threshold();
    if (threshold.isEmpty() && method.isPresent()) {
      threshold = OptionalDouble.of(method.get().defaultThreshold());
    }
    return ColumnDriftResult.notComputable(
        column.name(),
        kind,
        method,
        threshold,
        column.reference().counts(),
        column.current().counts(),
        reason);
  }
}
