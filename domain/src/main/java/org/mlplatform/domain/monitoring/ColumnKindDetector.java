package org.mlplatform.domain.monitoring;

import java.util.Optional;

/**
 * Decides a column's {@link ColumnKind} from its reference values, with Evidently's cut-offs.
 * Looking at the reference only keeps a column's kind, and so its test, stable from one current
 * batch to the next.
 */
final class ColumnKindDetector {

  /** Numbers with more distinct values than this are numerical. */
  static final int MAX_CATEGORICAL_NUMBERS = 5;

  private ColumnKindDetector() {}

  /** The kind, or empty when the reference has fewer than two distinct values to compare. */
  static Optional<ColumnKind> detect(ColumnValues reference, boolean declaredCategorical) {
    int distinct = reference.distinctCount();
    if (distinct < 2) {
      return Optional.empty();
    }
    if (distinct == 2) {
      return Optional.of(ColumnKind.BINARY);
    }
    if (!reference.isNumeric() || declaredCategorical || distinct <= MAX_CATEGORICAL_NUMBERS) {
      return Optional.of(ColumnKind.CATEGORICAL);
    }
    return Optional.of(ColumnKind.NUMERICAL);
  }
}
