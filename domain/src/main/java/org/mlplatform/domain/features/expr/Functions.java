package org.mlplatform.domain.features.expr;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The catalogue of built-in functions; names are case-insensitive. Functions that would make
 * training and serving disagree are refused with the reason rather than reported as unknown.
 */
final class Functions {

  private static final Map<String, FunctionDefinition> CATALOG = catalog();

  private static final String SKEW =
      " is not offered: it would give one value when a training set is built and another when"
          + " the model is served; pass the value you need as an input";

  private static final Map<String, String> REFUSED =
      Map.of(
          "now", "now()" + SKEW,
          "current_timestamp", "current_timestamp()" + SKEW,
          "today", "today()" + SKEW,
          "random", "random()" + SKEW,
          "rand", "rand()" + SKEW);

  private Functions() {}

  static Optional<FunctionDefinition> find(String name) {
    return Optional.ofNullable(CATALOG.get(name.toLowerCase(Locale.ROOT)));
  }

  /** Why a function that does not exist was left out, when that was deliberate. */
  static Optional<String> refusal(String name) {
    return Optional.ofNullable(REFUSED.get(name.toLowerCase(Locale.ROOT)));
  }

  /** The known function names, sorted and comma-separated, for error messages. */
  static String names() {
    return String.join(", ", CATALOG.keySet());
  }

  private static Map<String, FunctionDefinition> catalog() {
    return Stream.of(
            MathFunctions.definitions(),
            TextFunctions.definitions(),
            TimeFunctions.definitions(),
            ConditionalFunctions.definitions())
        .flatMap(List::stream)
        .collect(
            Collectors.toMap(
                FunctionDefinition::name,
                definition -> definition,
                (a, b) -> {
                  throw new IllegalStateException("function " + a.name() + " defined twice");
                },
                TreeMap::new));
  }
}
