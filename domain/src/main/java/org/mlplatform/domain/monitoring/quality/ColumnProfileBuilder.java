package org.mlplatform.domain.monitoring.quality;

import org.mlplatform.domain.monitoring.Require;

/**
 * Scans one column, value by value, into a {@link ColumnProfile}, in memory bounded by {@link
 * ColumnProfile#MAX_TRACKED_VALUES} whatever the number of rows.
 *
 * <p>Not thread-safe: to scan in parallel, give each chunk its own builder and {@link #merge} them.
 * Merging gives the profile a sequential scan gives, up to rounding of the mean and standard
 * deviation; only a categorical column with more categories than are tracked may end up tracking
 * other categories (its totals and {@link CategoricalProfile#overflowed()} still agree).
 */
public final class ColumnProfileBuilder {

  private final NumericTally numbers;
  private final CategoryTally categories;
  private long rows;
  private long missing;

  private ColumnProfileBuilder(NumericTally numbers, CategoryTally categories) {
    this.numbers = numbers;
    this.categories = categories;
  }

  /** A builder for a numeric column. */
  public static ColumnProfileBuilder numeric() {
    return new ColumnProfileBuilder(new NumericTally(null), null);
  }

  /** A builder for a categorical column. */
  public static ColumnProfileBuilder categorical() {
    return new ColumnProfileBuilder(null, new CategoryTally());
  }

  /**
   * A builder for current data of the column {@code reference} summarises, of the same kind. For a
   * numeric column it also counts the values outside the reference's range, which is how {@link
   * DataQualityAnalyzer} learns the out-of-range share without keeping the values.
   */
  public static ColumnProfileBuilder againstReference(ColumnProfile reference) {
    return switch (Require.nonNull(reference, "reference")) {
      case NumericProfile numeric when numeric.min().isPresent() ->
          new ColumnProfileBuilder(
              new NumericTally(
                  new OutOfRangeCount(
                      numeric.min().getAsDouble(), numeric.max().getAsDouble(), 0, 0)),
              null);
      case NumericProfile numeric -> numeric();
      case CategoricalProfile categorical -> categorical();
    };
  }

  /**
   * Adds a number: NaN is counted as NaN, either infinity as infinite, anything else as finite.
   *
   * @throws IllegalStateException for a categorical builder
   */
  public ColumnProfileBuilder addNumber(double value) {
    if (numbers == null) {
      throw new IllegalStateException("a categorical column takes categories, not numbers");
    }
    rows++;
    numbers.add(value);
    return this;
  }

  /**
   * Adds a category; {@code null} is a missing value.
   *
   * @throws IllegalStateException for a numeric builder
   */
  public ColumnProfileBuilder addCategory(String category) {
    if (categories == null) {
      throw new IllegalStateException("a numeric column takes numbers, not categories");
    }
    if (category == null) {
      return addMissing();
    }
    rows++;
    categories.add(category);
    return this;
  }

  /** Adds a row without a value ({@code null} or absent). */
  public ColumnProfileBuilder addMissing() {
    rows++;
    missing++;
    return this;
  }

  /**
   * Adds everything {@code other} has scanned; {@code other} is left as it was.
   *
   * @throws org.mlplatform.domain.DomainValidationException naming {@code other} when it is this
   *     builder, of the other kind, or counts against another reference range
   */
  public ColumnProfileBuilder merge(ColumnProfileBuilder other) {
    Require.nonNull(other, "other");
    Require.that(other != this, "other", "a builder cannot be merged into itself");
    Require.that(
        (numbers == null) == (other.numbers == null),
        "other",
        "a numeric and a categorical column cannot be merged");
    if (numbers != null) {
      numbers.merge(other.numbers);
    } else {
      categories.merge(other.categories);
    }
    rows += other.rows;
    missing += other.missing;
    return this;
  }

  /** The profile of what has been added so far; the builder may go on scanning. */
  public ColumnProfile build() {
    return numbers != null ? numbers.toProfile(rows, missing) : categories.toProfile(rows, missing);
  }
}
