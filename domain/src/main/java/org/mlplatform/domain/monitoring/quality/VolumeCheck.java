package org.mlplatform.domain.monitoring.quality;

import java.util.Arrays;
import java.util.Optional;
import java.util.OptionalDouble;
import org.mlplatform.domain.monitoring.Require;

/**
 * Whether a window holds about as many rows as expected: the relative change {@code (current -
 * expected) / expected}, so -0.5 means half the expected rows and 1.0 twice as many.
 *
 * @param currentRows rows in the window
 * @param expectedRows the rows expected, for example the mean of earlier windows; empty when there
 *     is nothing to expect from
 * @param relativeChange the change against {@code expectedRows}; empty when there is no expectation
 *     or it is 0
 * @param status whether the change could be computed
 * @param reason why not
 */
public record VolumeCheck(
    long currentRows,
    OptionalDouble expectedRows,
    OptionalDouble relativeChange,
    QualityStatus status,
    Optional<String> reason) {

  public VolumeCheck {
    Require.nonNegative(currentRows, "currentRows");
    Require.nonNull(expectedRows, "expectedRows");
    Require.nonNull(relativeChange, "relativeChange");
    Require.nonNull(status, "status");
    Require.nonNull(reason, "reason");
    expectedRows.ifPresent(
        expected ->
            Require.that(
                Double.isFinite(expected) && expected >= 0,
                "expectedRows",
                "expectedRows must be a finite number >= 0, was " + expected));
    Require.that(
        relativeChange.isPresent() == (status == QualityStatus.COMPUTED)
            && reason.isPresent() != relativeChange.isPresent(),
        "status",
        "a computed check has a relative change and no reason, another a reason and no change");
  }

  /**
   * The change of {@code currentRows} against {@code expectedRows}.
   *
   * @throws org.mlplatform.domain.DomainValidationException when a count is negative or the
   *     expectation is not a finite number
   */
  public static VolumeCheck of(long currentRows, OptionalDouble expectedRows) {
    Require.nonNull(expectedRows, "expectedRows");
    if (expectedRows.isEmpty()) {
      return notComputable(currentRows, expectedRows, "no expected row count");
    }
    double expected = expectedRows.getAsDouble();
    if (expected == 0) {
      // Any rows at all would be an infinite change; report the counts rather than a number.
      return notComputable(currentRows, expectedRows, "no rows were expected");
    }
    return new VolumeCheck(
        currentRows,
        expectedRows,
        OptionalDouble.of((currentRows - expected) / expected),
        QualityStatus.COMPUTED,
        Optional.empty());
  }

  /**
   * The change of {@code currentRows} against the mean of the earlier windows' rows; not computable
   * without earlier windows.
   */
  public static VolumeCheck againstEarlierWindows(long currentRows, long... earlierWindowRows) {
    Require.nonNull(earlierWindowRows, "earlierWindowRows");
    for (long rows : earlierWindowRows) {
      Require.nonNegative(rows, "earlierWindowRows");
    }
    if (earlierWindowRows.length == 0) {
      return notComputable(currentRows, OptionalDouble.empty(), "no earlier windows");
    }
    return of(currentRows, Arrays.stream(earlierWindowRows).asDoubleStream().average());
  }

  public boolean isComputed() {
    return status == QualityStatus.COMPUTED;
  }

  private static VolumeCheck notComputable(
      long currentRows, OptionalDouble expectedRows, String reason) {
    return new VolumeCheck(
        currentRows,
        expectedRows,
        OptionalDouble.empty(),
        QualityStatus.NOT_COMPUTABLE,
        Optional.of(reason));
  }
}
