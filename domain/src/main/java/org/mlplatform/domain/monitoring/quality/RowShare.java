package org.mlplatform.domain.monitoring.quality;

import java.util.Optional;
import java.util.OptionalDouble;
import org.mlplatform.domain.monitoring.Require;

/**
 * The share of a column's rows that have some property, or the reason it cannot be given: exactly
 * one of {@code value} and {@code reason} is present.
 *
 * @param value the share, between 0 and 1
 * @param reason why there is no share (for example {@code "no current rows"})
 */
public record RowShare(OptionalDouble value, Optional<String> reason) {

  public RowShare {
    Require.nonNull(value, "value");
    Require.nonNull(reason, "reason");
    Require.that(
        value.isPresent() != reason.isPresent(),
        "reason",
        "a share has either a value or a reason, not both or neither");
    value.ifPresent(
        share ->
            Require.that(share >= 0 && share <= 1, "value", "a share is in [0, 1], was " + share));
    reason.ifPresent(text -> Require.nonBlank(text, "reason"));
  }

  /** {@code count / rows}, or not computable for {@code reasonWithoutRows} when rows is 0. */
  static RowShare of(long count, long rows, String reasonWithoutRows) {
    return rows == 0
        ? notComputable(reasonWithoutRows)
        : new RowShare(OptionalDouble.of((double) count / rows), Optional.empty());
  }

  static RowShare notComputable(String reason) {
    return new RowShare(OptionalDouble.empty(), Optional.of(reason));
  }

  public boolean isComputed() {
    return value.isPresent();
  }
}
