package org.mlplatform.domain.features.expr;

import java.util.List;

/**
 * The syntax tree, before names and types are resolved. {@link #position()} is where the node's
 * text starts, which is where a type error about it points.
 */
sealed interface Node {

  int position();

  /** A constant: {@code Long}, {@code Double}, {@code String}, {@code Boolean} or null. */
  record Literal(Object value, int position) implements Node {}

  /** A reference to an input by name. */
  record InputName(String name, int position) implements Node {}

  record Unary(Operator operator, Node operand, int position) implements Node {}

  record Binary(Operator operator, Node left, Node right, int operatorPosition) implements Node {
    @Override
    public int position() {
      return left.position();
    }
  }

  /** {@code condition ? whenTrue : whenFalse}. */
  record Conditional(Node condition, Node whenTrue, Node whenFalse, int questionPosition)
      implements Node {
    @Override
    public int position() {
      return condition.position();
    }
  }

  /** A function call; {@code function} is spelled as written. */
  record Call(String function, List<Node> arguments, int position) implements Node {
    public Call {
      arguments = List.copyOf(arguments);
    }
  }
}
