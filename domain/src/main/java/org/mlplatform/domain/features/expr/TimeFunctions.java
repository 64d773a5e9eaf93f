package org.mlplatform.domain.features.expr;

import static org.mlplatform.domain.features.expr.Resolution.strict;
import static org.mlplatform.domain.features.expr.Values.asInstant;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.function.ToLongBiFunction;
import java.util.function.ToLongFunction;

/**
 * Calendar functions on timestamps, always in UTC: a server's time zone must not change a feature.
 * Dates outside the supported calendar give null.
 */
final class TimeFunctions {

  private static final long SECONDS_PER_DAY = 86_400;

  /** 1970-01-01, epoch day 0, was a Thursday (ISO day 4). */
  private static final int EPOCH_DAY_OF_WEEK = 4;

  private TimeFunctions() {}

  static List<FunctionDefinition> definitions() {
    return List.of(
        part("hour_of_day", t -> Math.floorMod(t.getEpochSecond(), SECONDS_PER_DAY) / 3600),
        part("day_of_week", t -> Math.floorMod(epochDay(t) + EPOCH_DAY_OF_WEEK - 1, 7) + 1),
        part("day_of_month", t -> date(t).getDayOfMonth()),
        part("month", t -> date(t).getMonthValue()),
        part("year", t -> date(t).getYear()),
        part("epoch_seconds", Instant::getEpochSecond),
        between("seconds_between", (a, b) -> a.until(b, ChronoUnit.SECONDS)),
        between("days_between", (a, b) -> a.until(b, ChronoUnit.DAYS)));
  }

  private static long epochDay(Instant instant) {
    return Math.floorDiv(instant.getEpochSecond(), SECONDS_PER_DAY);
  }

  private static LocalDate date(Instant instant) {
    return LocalDate.ofEpochDay(epochDay(instant));
  }

  private static FunctionDefinition part(String name, ToLongFunction<Instant> part) {
    return FunctionDefinition.of(
        name,
        1,
        arguments -> {
          arguments.require(0, ValueType.TIMESTAMP);
          return strict(ValueType.INT64, v -> part.applyAsLong(asInstant(v[0])));
        });
  }

  /** Whole units from the first timestamp to the second, truncated toward zero. */
  private static FunctionDefinition between(String name, ToLongBiFunction<Instant, Instant> unit) {
    return FunctionDefinition.of(
        name,
        2,
        arguments -> {
          arguments.require(0, ValueType.TIMESTAMP);
          arguments.require(1, ValueType.TIMESTAMP);
          return strict(ValueType.INT64, v -> unit.applyAsLong(asInstant(v[0]), asInstant(v[1])));
        });
  }
}
