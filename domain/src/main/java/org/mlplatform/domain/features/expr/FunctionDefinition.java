package org.mlplatform.domain.features.expr;

import java.util.function.Function;

/**
 * A built-in function: how many arguments it takes and how its argument types decide its result
 * type and implementation.
 */
record FunctionDefinition(
    String name, int minArguments, int maxArguments, Function<Arguments, Resolution> typing) {

  static final int VARIADIC = Integer.MAX_VALUE;

  static FunctionDefinition of(String name, int arguments, Function<Arguments, Resolution> typing) {
    return new FunctionDefinition(name, arguments, arguments, typing);
  }

  boolean accepts(int arguments) {
    return arguments >= minArguments && arguments <= maxArguments;
  }

  /** For example "takes 2 arguments", "takes 1 or 2 arguments", "takes at least 2 arguments". */
  String describeArity() {
    if (maxArguments == VARIADIC) {
      return "takes at least " + plural(minArguments);
    }
    if (minArguments == maxArguments) {
      return "takes " + plural(minArguments);
    }
    String or = maxArguments == minArguments + 1 ? " or " : " to ";
    return "takes " + minArguments + or + plural(maxArguments);
  }

  private static String plural(int count) {
    return count + (count == 1 ? " argument" : " arguments");
  }
}
