package org.mlplatform.domain.features.expr;

import static org.mlplatform.domain.features.expr.Resolution.strict;
import static org.mlplatform.domain.features.expr.Values.asDouble;
import static org.mlplatform.domain.features.expr.Values.asLong;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.function.DoubleUnaryOperator;
import java.util.function.IntPredicate;

/**
 * Numeric functions. Those that keep magnitude (abs, round, floor, ceil, min, max, clamp) keep
 * integers as INT64; the transcendental ones (sqrt, ln, exp, pow, ...) always give FLOAT64, and
 * their NaN or infinite results (sqrt(-1), ln(0)) become null.
 */
final class MathFunctions {

  /** Rounding to more digits than a double holds changes nothing; to fewer than -400, all is 0. */
  private static final int DIGITS_LIMIT = 400;

  private MathFunctions() {}

  static List<FunctionDefinition> definitions() {
    return List.of(
        FunctionDefinition.of("abs", 1, MathFunctions::abs),
        real("sqrt", Math::sqrt),
        real("ln", Math::log),
        real("log", Math::log),
        real("log10", Math::log10),
        real("exp", Math::exp),
        FunctionDefinition.of("pow", 2, MathFunctions::pow),
        new FunctionDefinition("min", 2, FunctionDefinition.VARIADIC, a -> extreme(a, c -> c < 0)),
        new FunctionDefinition("max", 2, FunctionDefinition.VARIADIC, a -> extreme(a, c -> c > 0)),
        new FunctionDefinition("round", 1, 2, MathFunctions::round),
        FunctionDefinition.of("floor", 1, a -> integral(a, Math::floor)),
        FunctionDefinition.of("ceil", 1, a -> integral(a, Math::ceil)),
        FunctionDefinition.of("clamp", 3, MathFunctions::clamp));
  }

  private static FunctionDefinition real(String name, DoubleUnaryOperator function) {
    return FunctionDefinition.of(
        name,
        1,
        arguments -> {
          arguments.number(0);
          return strict(ValueType.FLOAT64, v -> function.applyAsDouble(asDouble(v[0])));
        });
  }

  private static Resolution abs(Arguments arguments) {
    return arguments.number(0) == ValueType.FLOAT64
        ? strict(ValueType.FLOAT64, v -> Math.abs(asDouble(v[0])))
        : strict(ValueType.INT64, v -> Math.absExact(asLong(v[0])));
  }

  private static Resolution pow(Arguments arguments) {
    arguments.numbers();
    return strict(ValueType.FLOAT64, v -> Math.pow(asDouble(v[0]), asDouble(v[1])));
  }

  /**
   * min and max over numbers, strings or timestamps. The winner is returned as it is; mixing
   * integers with floats makes the result FLOAT64.
   */
  private static Resolution extreme(Arguments arguments, IntPredicate beats) {
    ValueType type = arguments.common(0);
    if (type == ValueType.BOOL) {
      throw arguments.failure("cannot order BOOL values");
    }
    return strict(
        type,
        v -> {
          Object best = v[0];
          for (Object candidate : v) {
            if (beats.test(Values.compare(candidate, best))) {
              best = candidate;
            }
          }
          return best;
        });
  }

  /** Integers are already whole, so floor and ceil keep them; floats stay FLOAT64. */
  private static Resolution integral(Arguments arguments, DoubleUnaryOperator function) {
    return arguments.number(0) == ValueType.FLOAT64
        ? strict(ValueType.FLOAT64, v -> function.applyAsDouble(asDouble(v[0])))
        : strict(ValueType.INT64, v -> v[0]);
  }

  /**
   * round(x) and round(x, digits), half away from zero (2.5 to 3, -2.5 to -3) on the decimal value
   * that is printed for x, so that round(2.675, 2) is 2.68 as a reader expects. Negative digits
   * round to tens, hundreds, ...
   */
  private static Resolution round(Arguments arguments) {
    ValueType type = arguments.number(0) == ValueType.FLOAT64 ? ValueType.FLOAT64 : ValueType.INT64;
    if (arguments.count() == 2) {
      arguments.require(1, ValueType.INT64);
    }
    return strict(
        type,
        v -> {
          int digits = v.length == 2 ? boundedDigits(asLong(v[1])) : 0;
          return type == ValueType.FLOAT64
              ? roundReal(asDouble(v[0]), digits)
              : roundInteger(asLong(v[0]), digits);
        });
  }

  private static int boundedDigits(long digits) {
    return Math.clamp(digits, -DIGITS_LIMIT, DIGITS_LIMIT);
  }

  private static double roundReal(double value, int digits) {
    BigDecimal exact = BigDecimal.valueOf(value);
    if (digits >= exact.scale()) {
      return value;
    }
    return exact.setScale(digits, RoundingMode.HALF_UP).doubleValue();
  }

  /** Throws ArithmeticException (null result) when rounding up leaves the INT64 range. */
  private static long roundInteger(long value, int digits) {
    if (digits >= 0) {
      return value;
    }
    return BigDecimal.valueOf(value).setScale(digits, RoundingMode.HALF_UP).longValueExact();
  }

  /** clamp(x, lo, hi) bounds x to [lo, hi]; an empty range (lo > hi) gives null. */
  private static Resolution clamp(Arguments arguments) {
    ValueType type = arguments.numbers();
    return strict(
        type,
        v -> {
          if (Values.compare(v[1], v[2]) > 0) {
            return null;
          }
          if (Values.compare(v[0], v[1]) < 0) {
            return v[1];
          }
          return Values.compare(v[0], v[2]) > 0 ? v[2] : v[0];
        });
  }
}
