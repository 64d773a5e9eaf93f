package org.mlplatform.domain.monitoring;

/**
 * Evidently's default test for a column: with a small reference a p-value test, with a large one a
 * distance, since p-values of large samples flag differences too small to matter.
 */
final class DriftMethodSelector {

  /** References with at most this many non-missing values get a p-value test. */
  static final int SMALL_REFERENCE_MAX = 1_000;

  private DriftMethodSelector() {}

  static DriftMethod select(ColumnKind kind, int referenceValues) {
    boolean small = referenceValues <= SMALL_REFERENCE_MAX;
    return switch (kind) {
      case NUMERICAL -> small ? DriftMethod.KOLMOGOROV_SMIRNOV : DriftMethod.WASSERSTEIN;
      case CATEGORICAL -> small ? DriftMethod.CHI_SQUARE : DriftMethod.JENSEN_SHANNON;
      case BINARY -> small ? DriftMethod.Z_TEST : DriftMethod.JENSEN_SHANNON;
    };
  }
}
