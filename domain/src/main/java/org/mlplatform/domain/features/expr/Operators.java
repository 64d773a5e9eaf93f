package org.mlplatform.domain.features.expr;

import static org.mlplatform.domain.features.expr.Resolution.nullAware;
import static org.mlplatform.domain.features.expr.Resolution.strict;
import static org.mlplatform.domain.features.expr.Values.asBoolean;
import static org.mlplatform.domain.features.expr.Values.asDouble;
import static org.mlplatform.domain.features.expr.Values.asLong;

import java.util.function.DoubleBinaryOperator;
import java.util.function.IntPredicate;
import java.util.function.LongBinaryOperator;

/**
 * Typing rules and semantics of the operators. Integer arithmetic uses {@code Math.*Exact} so that
 * overflow becomes null instead of silently wrapping around; division always produces FLOAT64 so
 * that {@code 7 / 2} is 3.5 as a data scientist expects, not 3.
 */
final class Operators {

  private Operators() {}

  static Resolution unary(Operator operator, Arguments operand) {
    return switch (operator) {
      case NEGATE ->
          operand.number(0) == ValueType.FLOAT64
              ? strict(ValueType.FLOAT64, v -> -asDouble(v[0]))
              : strict(ValueType.INT64, v -> Math.negateExact(asLong(v[0])));
      case NOT -> {
        operand.require(0, ValueType.BOOL);
        yield strict(ValueType.BOOL, v -> !asBoolean(v[0]));
      }
      default -> throw new IllegalArgumentException(operator + " is not a unary operator");
    };
  }

  static Resolution binary(Operator operator, Arguments operands) {
    return switch (operator) {
      case ADD -> add(operands);
      case SUBTRACT -> arithmetic(operands, Math::subtractExact, (x, y) -> x - y);
      case MULTIPLY -> arithmetic(operands, Math::multiplyExact, (x, y) -> x * y);
      case DIVIDE -> divide(operands);
      case REMAINDER -> remainder(operands);
      case LESS -> ordering(operands, c -> c < 0);
      case LESS_OR_EQUAL -> ordering(operands, c -> c <= 0);
      case GREATER -> ordering(operands, c -> c > 0);
      case GREATER_OR_EQUAL -> ordering(operands, c -> c >= 0);
      case EQUAL -> equality(operands, c -> c == 0);
      case NOT_EQUAL -> equality(operands, c -> c != 0);
      case AND -> logical(operands, Operators::and);
      case OR -> logical(operands, Operators::or);
      default -> throw new IllegalArgumentException(operator + " is not a binary operator");
    };
  }

  /** {@code +} concatenates as soon as one side is a string, rendering the other as text. */
  private static Resolution add(Arguments operands) {
    if (operands.type(0) == ValueType.STRING || operands.type(1) == ValueType.STRING) {
      return strict(ValueType.STRING, v -> Values.text(v[0]) + Values.text(v[1]));
    }
    ValueType type = operands.numbers("a number or a STRING");
    return type == ValueType.INT64
        ? strict(type, v -> Math.addExact(asLong(v[0]), asLong(v[1])))
        : strict(type, v -> asDouble(v[0]) + asDouble(v[1]));
  }

  private static Resolution arithmetic(
      Arguments operands, LongBinaryOperator exact, DoubleBinaryOperator real) {
    ValueType type = operands.numbers();
    return type == ValueType.INT64
        ? strict(type, v -> exact.applyAsLong(asLong(v[0]), asLong(v[1])))
        : strict(type, v -> real.applyAsDouble(asDouble(v[0]), asDouble(v[1])));
  }

  private static Resolution divide(Arguments operands) {
    operands.numbers();
    return strict(
        ValueType.FLOAT64,
        v -> {
          double divisor = asDouble(v[1]);
          return divisor == 0 ? null : asDouble(v[0]) / divisor;
        });
  }

  /** The remainder takes the sign of the dividend, as in Java and C. */
  private static Resolution remainder(Arguments operands) {
    ValueType type = operands.numbers();
    if (type == ValueType.INT64) {
      return strict(type, v -> asLong(v[1]) == 0 ? null : asLong(v[0]) % asLong(v[1]));
    }
    return strict(type, v -> asDouble(v[1]) == 0 ? null : asDouble(v[0]) % asDouble(v[1]));
  }

  /** Numbers with numbers, strings with strings, timestamps with timestamps; never booleans. */
  private static Resolution ordering(Arguments operands, IntPredicate test) {
    ValueType shared = comparable(operands);
    if (shared == ValueType.BOOL) {
      throw operands.failure("cannot order BOOL values; use == or !=");
    }
    return strict(ValueType.BOOL, v -> test.test(Values.compare(v[0], v[1])));
  }

  private static Resolution equality(Arguments operands, IntPredicate test) {
    comparable(operands);
    return strict(ValueType.BOOL, v -> test.test(Values.compare(v[0], v[1])));
  }

  private static ValueType comparable(Arguments operands) {
    return ValueType.common(operands.type(0), operands.type(1))
        .orElseThrow(
            () ->
                operands.failure(
                    "cannot compare " + operands.type(0) + " with " + operands.type(1)));
  }

  private static Resolution logical(Arguments operands, Operation truthTable) {
    operands.require(0, ValueType.BOOL);
    operands.require(1, ValueType.BOOL);
    return nullAware(ValueType.BOOL, truthTable);
  }

  /** Three-valued: false wins over unknown (null), which wins over true. */
  private static Boolean and(Object[] v) {
    if (Boolean.FALSE.equals(v[0]) || Boolean.FALSE.equals(v[1])) {
      return false;
    }
    return v[0] == null || v[1] == null ? null : true;
  }

  /** Three-valued: true wins over unknown (null), which wins over false. */
  private static Boolean or(Object[] v) {
    if (Boolean.TRUE.equals(v[0]) || Boolean.TRUE.equals(v[1])) {
      return true;
    }
    return v[0] == null || v[1] == null ? null : false;
  }
}
