package org.mlplatform.domain.features.expr;

import static org.mlplatform.domain.features.expr.Resolution.strict;
import static org.mlplatform.domain.features.expr.Values.asString;

import java.util.List;
import java.util.Locale;
import java.util.function.BiPredicate;
import java.util.function.Function;

/**
 * String functions. Case mapping ignores the machine's locale (a Turkish server must not turn "I"
 * into a dotless "ı" that the training cluster never produced) and length counts characters as
 * people do (code points), not UTF-16 units.
 */
final class TextFunctions {

  private TextFunctions() {}

  static List<FunctionDefinition> definitions() {
    return List.of(
        text("lower", s -> s.toLowerCase(Locale.ROOT)),
        text("upper", s -> s.toUpperCase(Locale.ROOT)),
        FunctionDefinition.of("length", 1, TextFunctions::length),
        new FunctionDefinition("concat", 2, FunctionDefinition.VARIADIC, TextFunctions::concat),
        test("contains", String::contains),
        test("starts_with", String::startsWith));
  }

  private static FunctionDefinition text(String name, Function<String, String> function) {
    return FunctionDefinition.of(
        name,
        1,
        arguments -> {
          arguments.require(0, ValueType.STRING);
          return strict(ValueType.STRING, v -> function.apply(asString(v[0])));
        });
  }

  private static Resolution length(Arguments arguments) {
    arguments.require(0, ValueType.STRING);
    return strict(
        ValueType.INT64, v -> (long) asString(v[0]).codePointCount(0, asString(v[0]).length()));
  }

  /** Joins any values as text, like {@code +} with a string; a null argument gives null. */
  private static Resolution concat(Arguments arguments) {
    return strict(
        ValueType.STRING,
        v -> {
          StringBuilder joined = new StringBuilder();
          for (Object value : v) {
            joined.append(Values.text(value));
          }
          return joined.toString();
        });
  }

  private static FunctionDefinition test(String name, BiPredicate<String, String> predicate) {
    return FunctionDefinition.of(
        name,
        2,
        arguments -> {
          arguments.require(0, ValueType.STRING);
          arguments.require(1, ValueType.STRING);
          return strict(ValueType.BOOL, v -> predicate.test(asString(v[0]), asString(v[1])));
        });
  }
}
