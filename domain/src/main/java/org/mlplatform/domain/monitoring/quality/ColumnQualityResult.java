package org.mlplatform.domain.monitoring.quality;

import java.util.Optional;
import org.mlplatform.domain.monitoring.Require;

/**
 * The data quality of one column's current data, measured against its reference.
 *
 * <p>{@link QualityStatus#NOT_COMPUTABLE} means there are no current rows: then every current share
 * is empty with that reason. A {@link QualityStatus#COMPUTED} result may still hold single shares
 * that cannot be computed (a reference without finite values has no range), each with its reason.
 *
 * @param column the column's name
 * @param currentRows all current rows
 * @param reference the reference's shares of missing, NaN and infinite values
 * @param current the current data's shares of the same
 * @param outOfRange for a numeric column, the share of current rows holding a finite value outside
 *     the reference's finite range (against a constant reference: a value other than the constant);
 *     empty for a categorical column
 * @param newCategories for a categorical column, the current categories the reference lacks; empty
 *     for a numeric column
 * @param status whether the current data could be measured at all
 * @param reason why not, for a result that is not computable
 */
public record ColumnQualityResult(
    String column,
    long currentRows,
    MissingValueShares reference,
    MissingValueShares current,
    Optional<RowShare> outOfRange,
    Optional<NewCategories> newCategories,
    QualityStatus status,
    Optional<String> reason) {

  public ColumnQualityResult {
    Require.nonBlank(column, "column");
    Require.nonNegative(currentRows, "currentRows");
    Require.nonNull(reference, "reference");
    Require.nonNull(current, "current");
    Require.nonNull(outOfRange, "outOfRange");
    Require.nonNull(newCategories, "newCategories");
    Require.nonNull(status, "status");
    Require.nonNull(reason, "reason");
    Require.that(
        outOfRange.isPresent() != newCategories.isPresent(),
        "outOfRange",
        "a column is either numeric (out of range) or categorical (new categories)");
    Require.that(
        (status == QualityStatus.NOT_COMPUTABLE) == (currentRows == 0),
        "status",
        "a result is not computable exactly when there are no current rows");
    Require.that(
        reason.isPresent() == (status == QualityStatus.NOT_COMPUTABLE),
        "reason",
        "a result has a reason exactly when it is not computable");
  }

  public boolean isComputed() {
    return status == QualityStatus.COMPUTED;
  }
}
