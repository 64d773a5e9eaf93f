package org.mlplatform.domain.features.expr;

/** The unary and binary operators, spelled as in error messages. */
enum Operator {
  NEGATE("-"),
  NOT("not"),
  MULTIPLY("*"),
  DIVIDE("/"),
  REMAINDER("%"),
  ADD("+"),
  SUBTRACT("-"),
  LESS("<"),
  LESS_OR_EQUAL("<="),
  GREATER(">"),
  GREATER_OR_EQUAL(">="),
  EQUAL("=="),
  NOT_EQUAL("!="),
  AND("and"),
  OR("or");

  private final String symbol;

  Operator(String symbol) {
    this.symbol = symbol;
  }

  String symbol() {
    return symbol;
  }
}
