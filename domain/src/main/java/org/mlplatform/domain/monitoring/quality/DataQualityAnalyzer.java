package org.mlplatform.domain.monitoring.quality;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.mlplatform.domain.monitoring.Require;

/**
 * Entry point: measures the data quality of a column's current data against its reference, from the
 * two profiles alone. Stateless, so any thread may call it.
 */
public final class DataQualityAnalyzer {

  static final String NO_CURRENT_ROWS = "no current rows";
  static final String NO_REFERENCE_ROWS = "no reference rows";

  private DataQualityAnalyzer() {}

  /**
   * The quality of {@code current} against {@code reference}. Degenerate data gives shares that
   * cannot be computed, with their reasons, never NaN or an exception.
   *
   * <p>The out-of-range share needs {@code current} built with {@link
   * ColumnProfileBuilder#againstReference} from this {@code reference}; any other current profile
   * gets an out-of-range share that is not computable and says so.
   *
   * @throws org.mlplatform.domain.DomainValidationException naming {@code column} when it is blank,
   *     or {@code current} when the two profiles are of different kinds
   */
  public static ColumnQualityResult compare(
      String column, ColumnProfile reference, ColumnProfile current) {
    Require.nonBlank(column, "column");
    Require.nonNull(reference, "reference");
    Require.nonNull(current, "current");
    Require.that(
        reference.getClass() == current.getClass(),
        "current",
        "column '" + column + "' is numeric on one side and categorical on the other");
    boolean empty = current.rows() == 0;
    return new ColumnQualityResult(
        column,
        current.rows(),
        MissingValueShares.of(reference, NO_REFERENCE_ROWS),
        MissingValueShares.of(current, NO_CURRENT_ROWS),
        current instanceof NumericProfile numeric
            ? Optional.of(outOfRange((NumericProfile) reference, numeric))
            : Optional.empty(),
        current instanceof CategoricalProfile categorical
            ? Optional.of(newCategories((CategoricalProfile) reference, categorical))
            : Optional.empty(),
        empty ? QualityStatus.NOT_COMPUTABLE : QualityStatus.COMPUTED,
        empty ? Optional.of(NO_CURRENT_ROWS) : Optional.empty());
  }

  private static RowShare outOfRange(NumericProfile reference, NumericProfile current) {
    if (current.rows() == 0) {
      return RowShare.notComputable(NO_CURRENT_ROWS);
    }
    if (reference.min().isEmpty()) {
      return RowShare.notComputable("the reference has no finite values, so no range");
    }
    return current
        .outOfRange()
        .filter(count -> count.referenceMin() == reference.min().getAsDouble())
        .filter(count -> count.referenceMax() == reference.max().getAsDouble())
        .map(count -> RowShare.of(count.total(), current.rows(), NO_CURRENT_ROWS))
        .orElseGet(
            () ->
                RowShare.notComputable(
                    "the current profile was not built against this reference's range"));
  }

  private static NewCategories newCategories(
      CategoricalProfile reference, CategoricalProfile current) {
    if (current.rows() == 0) {
      return NewCategories.notComputable(NO_CURRENT_ROWS);
    }
    if (reference.rows() == 0) {
      return NewCategories.notComputable(NO_REFERENCE_ROWS);
    }
    if (reference.counts().isEmpty()) {
      return NewCategories.notComputable("the reference has no categories, only missing values");
    }
    if (reference.overflowed() || current.overflowed()) {
      return NewCategories.notComputable(
          (reference.overflowed() ? "the reference" : "the current data")
              + " has more than "
              + ColumnProfile.MAX_TRACKED_VALUES
              + " categories, so which are new is unknown");
    }
    List<Map.Entry<String, Long>> fresh =
        current.counts().entrySet().stream()
            .filter(entry -> !reference.counts().containsKey(entry.getKey()))
            .sorted(
                Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())
                    .thenComparing(Map.Entry.comparingByKey()))
            .toList();
    long rows = fresh.stream().mapToLong(Map.Entry::getValue).sum();
    return new NewCategories(
        fresh.stream().limit(NewCategories.MAX_LISTED).map(Map.Entry::getKey).toList(),
        fresh.size(),
        rows,
        RowShare.of(rows, current.rows(), NO_CURRENT_ROWS));
  }
}
