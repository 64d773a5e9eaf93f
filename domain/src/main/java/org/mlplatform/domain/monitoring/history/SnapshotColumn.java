package org.mlplatform.domain.monitoring.history;

import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * The drift verdict for one column as a monitoring run found it. Kind and method are kept as names
 * (for example {@code NUMERICAL}, {@code WASSERSTEIN}) so old snapshots stay readable.
 *
 * @param column the column's name, at most {@value #COLUMN_MAX} characters
 * @param kind how the values were compared, when that could be decided
 * @param method the drift test, when that could be decided
 * @param threshold the threshold the score was held against
 * @param score the test's score; absent when not computable
 * @param drifted whether the score crossed the threshold; never for a column not computable
 * @param psi the population stability index
 * @param missingShare the share of the current rows with no value, 0 to 1
 * @param outOfRangeShare the share of current numbers outside the reference's range, 0 to 1
 * @param newCategoryShare the share of current categories the reference never had, 0 to 1
 * @param status {@link #COMPUTED} or {@link #NOT_COMPUTABLE}
 * @param reason why not computable, at most {@value #REASON_MAX} characters; present exactly then
 */
public record SnapshotColumn(
    String column,
    Optional<String> kind,
    Optional<String> method,
    OptionalDouble threshold,
    OptionalDouble score,
    boolean drifted,
    OptionalDouble psi,
    OptionalDouble missingShare,
    OptionalDouble outOfRangeShare,
    OptionalDouble newCategoryShare,
    String status,
    Optional<String> reason) {

  public static final String COMPUTED = "computed";
  public static final String NOT_COMPUTABLE = "not_computable";
  public static final Set<String> STATUSES = Set.of(COMPUTED, NOT_COMPUTABLE);

  /** The length of the {@code column_name} column. */
  public static final int COLUMN_MAX = 200;

  /** The length of the kind and method columns. */
  public static final int NAME_MAX = 63;

  /** The length of the {@code reason} column. */
  public static final int REASON_MAX = 1000;

  public SnapshotColumn {
    Guard.text(column, "column", COLUMN_MAX);
    Guard.text(kind, "kind", NAME_MAX);
    Guard.text(method, "method", NAME_MAX);
    Guard.nonNegative(threshold, "threshold");
    Guard.nonNegative(score, "score");
    Guard.nonNegative(psi, "psi");
    Guard.share(missingShare, "missingShare");
    Guard.share(outOfRangeShare, "outOfRangeShare");
    Guard.share(newCategoryShare, "newCategoryShare");
    Guard.that(
        status != null && STATUSES.contains(status),
        "status",
        "status is computed or not_computable, got " + status);
    Guard.text(reason, "reason", REASON_MAX);
    if (status.equals(COMPUTED)) {
      Guard.that(reason.isEmpty(), "reason", "a computed column has no reason");
    } else {
      Guard.that(reason.isPresent(), "reason", "a column that is not computable needs a reason");
      Guard.that(score.isEmpty(), "score", "a column that is not computable has no score");
      Guard.that(!drifted, "drifted", "a column that is not computable is not drifted");
    }
  }

  public boolean isComputed() {
    return status.equals(COMPUTED);
  }
}
