package org.mlplatform.domain.features.expr;

import static org.mlplatform.domain.features.expr.Resolution.nullAware;

import java.util.List;

/** The functions that look at nulls instead of propagating them: if, coalesce, is_null. */
final class ConditionalFunctions {

  private ConditionalFunctions() {}

  static List<FunctionDefinition> definitions() {
    return List.of(
        FunctionDefinition.of("if", 3, ConditionalFunctions::choice),
        new FunctionDefinition(
            "coalesce", 2, FunctionDefinition.VARIADIC, ConditionalFunctions::coalesce),
        FunctionDefinition.of("is_null", 1, a -> nullAware(ValueType.BOOL, v -> v[0] == null)));
  }

  /**
   * {@code if(condition, a, b)} and {@code condition ? a : b}: the branches must share a type
   * (integers widen to FLOAT64 when mixed with floats). Only the taken branch matters, but an
   * unknown (null) condition gives null: guessing a branch would invent data.
   */
  static Resolution choice(Arguments arguments) {
    arguments.require(0, ValueType.BOOL);
    ValueType type = arguments.common(1);
    return nullAware(type, v -> v[0] == null ? null : (Boolean) v[0] ? v[1] : v[2]);
  }

  /** The first argument that is not null; all arguments must share a type. */
  private static Resolution coalesce(Arguments arguments) {
    ValueType type = arguments.common(0);
    return nullAware(
        type,
        v -> {
          for (Object value : v) {
            if (value != null) {
              return value;
            }
          }
          return null;
        });
  }
}
