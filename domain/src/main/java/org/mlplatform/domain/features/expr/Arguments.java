package org.mlplatform.domain.features.expr;

import java.util.List;
import java.util.stream.IntStream;

/**
 * The argument types of one operator or function call, with the means to reject them. Every check
 * fails with an error pointing at the offending argument and naming the operator or function, so
 * that the typing rules themselves stay one line each.
 */
final class Arguments {

  private final String subject;
  private final int position;
  private final List<String> labels;
  private final List<Node> nodes;
  private final List<ValueType> types;

  private Arguments(
      String subject, int position, List<String> labels, List<Node> nodes, List<ValueType> types) {
    this.subject = subject;
    this.position = position;
    this.labels = labels;
    this.nodes = nodes;
    this.types = types;
  }

  static Arguments ofFunction(String name, int position, List<Node> nodes, List<ValueType> types) {
    List<String> labels =
        IntStream.rangeClosed(1, nodes.size()).mapToObj(i -> "argument " + i).toList();
    return new Arguments("function " + name, position, labels, nodes, types);
  }

  static Arguments ofOperator(
      String symbol, int position, List<String> labels, List<Node> nodes, List<ValueType> types) {
    return new Arguments("operator '" + symbol + "'", position, labels, nodes, types);
  }

  int count() {
    return types.size();
  }

  ValueType type(int index) {
    return types.get(index);
  }

  /** The argument's type, which must be a number (or the null literal). */
  ValueType number(int index) {
    return number(index, "a number");
  }

  ValueType number(int index, String expected) {
    ValueType type = types.get(index);
    if (type.isNumber() || type == ValueType.NULL) {
      return type;
    }
    throw mismatch(index, expected, type);
  }

  /** Requires every argument to be a number; INT64 when all are integers, FLOAT64 otherwise. */
  ValueType numbers() {
    return numbers("a number");
  }

  ValueType numbers(String expected) {
    boolean anyFloat = false;
    for (int i = 0; i < count(); i++) {
      anyFloat |= number(i, expected) == ValueType.FLOAT64;
    }
    return anyFloat ? ValueType.FLOAT64 : ValueType.INT64;
  }

  void require(int index, ValueType expected) {
    ValueType type = types.get(index);
    if (type != expected && type != ValueType.NULL) {
      throw mismatch(index, expected.name(), type);
    }
  }

  /** The type all arguments from {@code first} on can share; see {@link ValueType#common}. */
  ValueType common(int first) {
    ValueType shared = ValueType.NULL;
    for (int i = first; i < count(); i++) {
      int index = i;
      ValueType type = types.get(index);
      ValueType sharedSoFar = shared;
      shared =
          ValueType.common(shared, type)
              .orElseThrow(() -> mismatch(index, "compatible with " + sharedSoFar, type));
    }
    return shared;
  }

  /** An error about the call as a whole, pointing at the operator or function name. */
  ExpressionException failure(String problem) {
    return new ExpressionException(position, subject + " " + problem);
  }

  private ExpressionException mismatch(int index, String expected, ValueType actual) {
    return new ExpressionException(
        nodes.get(index).position(),
        subject + " expects " + labels.get(index) + " to be " + expected + ", got " + actual);
  }
}
