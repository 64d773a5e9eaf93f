package org.mlplatform.domain.features.expr;

import java.util.ArrayList;
import java.util.List;
import org.mlplatform.domain.features.expr.Node.Binary;
import org.mlplatform.domain.features.expr.Node.Call;
import org.mlplatform.domain.features.expr.Node.Conditional;
import org.mlplatform.domain.features.expr.Node.InputName;
import org.mlplatform.domain.features.expr.Node.Literal;
import org.mlplatform.domain.features.expr.Node.Unary;
import org.mlplatform.domain.features.expr.Token.Kind;

/**
 * A Pratt (precedence-climbing) parser: each binary operator has a binding power, and a
 * sub-expression keeps absorbing operators that bind tighter than the one it belongs to. This keeps
 * precedence in one table ({@link #bindingPower}) instead of one method per level.
 *
 * <p>It also enforces the size limits, because recursion depth and tree size are only known here.
 */
final class Parser {

  private static final int NONE = 0;
  private static final int CONDITIONAL = 1;
  private static final int OR = 2;
  private static final int AND = 3;
  private static final int EQUALITY = 4;
  private static final int ORDERING = 5;
  private static final int ADDITIVE = 6;
  private static final int MULTIPLICATIVE = 7;
  private static final int PREFIX = 8;

  private final List<Token> tokens;
  private int next;
  private int depth;
  private int nodes;

  private Parser(List<Token> tokens) {
    this.tokens = tokens;
  }

  /** The syntax tree of {@code source}, which must be one complete expression. */
  static Node parse(String source) {
    if (source.length() > Expression.MAX_SOURCE_LENGTH) {
      throw new ExpressionException(
          Expression.MAX_SOURCE_LENGTH,
          "expression is too long: "
              + source.length()
              + " characters, at most "
              + Expression.MAX_SOURCE_LENGTH);
    }
    Parser parser = new Parser(Lexer.tokenize(source));
    Node root = parser.expression(NONE);
    Token rest = parser.peek();
    if (rest.kind() == Kind.RIGHT_PAREN) {
      throw new ExpressionException(rest.position(), "unexpected ')' without a matching '('");
    }
    if (rest.kind() != Kind.END) {
      throw new ExpressionException(
          rest.position(), "unexpected " + rest.describe() + " after the end of the expression");
    }
    return root;
  }

  private Node expression(int minimumPower) {
    Node left = prefix();
    while (bindingPower(peek().kind()) > minimumPower) {
      Token operator = advance();
      left =
          operator.kind() == Kind.QUESTION
              ? conditional(left, operator)
              : binary(left, operator, bindingPower(operator.kind()));
    }
    return left;
  }

  /** Parses a sub-expression one level deeper, refusing to go past the depth limit. */
  private Node nested(int minimumPower, Token opener) {
    if (++depth > Expression.MAX_DEPTH) {
      throw new ExpressionException(
          opener.position(),
          "expression is nested too deeply: at most " + Expression.MAX_DEPTH + " levels");
    }
    try {
      return expression(minimumPower);
    } finally {
      depth--;
    }
  }

  private Node prefix() {
    Token token = advance();
    int at = token.position();
    return switch (token.kind()) {
      case INTEGER -> counted(new Literal(integer(token.text(), token), at));
      case DECIMAL -> counted(new Literal(decimal(token.text(), token), at));
      case STRING -> counted(new Literal(token.text(), at));
      case TRUE -> counted(new Literal(Boolean.TRUE, at));
      case FALSE -> counted(new Literal(Boolean.FALSE, at));
      case NULL -> counted(new Literal(null, at));
      case IDENTIFIER ->
          peek().kind() == Kind.LEFT_PAREN ? call(token) : counted(new InputName(token.text(), at));
      case MINUS -> negation(token);
      case NOT -> counted(new Unary(Operator.NOT, nested(PREFIX, token), at));
      case LEFT_PAREN -> parenthesized(token);
      default ->
          throw new ExpressionException(at, "expected an expression, found " + token.describe());
    };
  }

  /**
   * Folds a minus sign into a following number literal, so that the smallest long can be written
   * and so that {@code -5} is one node. Safe because nothing binds tighter than a prefix operator.
   */
  private Node negation(Token minus) {
    Kind following = peek().kind();
    if (following == Kind.INTEGER) {
      Token number = advance();
      return counted(new Literal(integer("-" + number.text(), number), minus.position()));
    }
    if (following == Kind.DECIMAL) {
      Token number = advance();
      return counted(new Literal(-decimal(number.text(), number), minus.position()));
    }
    return counted(new Unary(Operator.NEGATE, nested(PREFIX, minus), minus.position()));
  }

  private Node parenthesized(Token open) {
    Node inner = nested(NONE, open);
    expect(Kind.RIGHT_PAREN, "')' to close '(' at column " + (open.position() + 1));
    return inner;
  }

  private Node call(Token name) {
    Token open = advance();
    List<Node> arguments = new ArrayList<>();
    if (peek().kind() != Kind.RIGHT_PAREN) {
      do {
        arguments.add(nested(NONE, open));
      } while (match(Kind.COMMA));
    }
    expect(Kind.RIGHT_PAREN, "',' or ')' to close " + name.text() + "(");
    return counted(new Call(name.text(), arguments, name.position()));
  }

  private Node binary(Node left, Token operator, int power) {
    Node right = nested(power, operator);
    return counted(new Binary(operatorFor(operator.kind()), left, right, operator.position()));
  }

  /** Right-associative: {@code a ? b : c ? d : e} means {@code a ? b : (c ? d : e)}. */
  private Node conditional(Node condition, Token question) {
    Node whenTrue = nested(NONE, question);
    expect(Kind.COLON, "':' to complete '?' at column " + (question.position() + 1));
    Node whenFalse = nested(CONDITIONAL - 1, question);
    return counted(new Conditional(condition, whenTrue, whenFalse, question.position()));
  }

  /** Counts a new node; the error points at the last token read, where the limit was crossed. */
  private Node counted(Node node) {
    if (++nodes > Expression.MAX_NODES) {
      throw new ExpressionException(
          tokens.get(next - 1).position(),
          "expression is too large: at most "
              + Expression.MAX_NODES
              + " values, operators and calls");
    }
    return node;
  }

  private static long integer(String text, Token token) {
    try {
      return Long.parseLong(text);
    } catch (NumberFormatException e) {
      throw new ExpressionException(
          token.position(), "integer " + text + " is out of range; integers are 64-bit");
    }
  }

  private static double decimal(String text, Token token) {
    double value = Double.parseDouble(text);
    if (Double.isInfinite(value)) {
      throw new ExpressionException(token.position(), "number " + text + " is out of range");
    }
    return value;
  }

  private static int bindingPower(Kind kind) {
    return switch (kind) {
      case QUESTION -> CONDITIONAL;
      case OR -> OR;
      case AND -> AND;
      case EQUAL, NOT_EQUAL -> EQUALITY;
      case LESS, LESS_OR_EQUAL, GREATER, GREATER_OR_EQUAL -> ORDERING;
      case PLUS, MINUS -> ADDITIVE;
      case STAR, SLASH, PERCENT -> MULTIPLICATIVE;
      default -> NONE;
    };
  }

  private static Operator operatorFor(Kind kind) {
    return switch (kind) {
      case OR -> Operator.OR;
      case AND -> Operator.AND;
      case EQUAL -> Operator.EQUAL;
      case NOT_EQUAL -> Operator.NOT_EQUAL;
      case LESS -> Operator.LESS;
      case LESS_OR_EQUAL -> Operator.LESS_OR_EQUAL;
      case GREATER -> Operator.GREATER;
      case GREATER_OR_EQUAL -> Operator.GREATER_OR_EQUAL;
      case PLUS -> Operator.ADD;
      case MINUS -> Operator.SUBTRACT;
      case STAR -> Operator.MULTIPLY;
      case SLASH -> Operator.DIVIDE;
      case PERCENT -> Operator.REMAINDER;
      default -> throw new IllegalArgumentException(kind + " is not a binary operator");
    };
  }

  private void expect(Kind kind, String expected) {
    Token token = peek();
    if (token.kind() != kind) {
      throw new ExpressionException(
          token.position(), "expected " + expected + ", found " + token.describe());
    }
    advance();
  }

  private boolean match(Kind kind) {
    if (peek().kind() == kind) {
      advance();
      return true;
    }
    return false;
  }

  private Token peek() {
    return tokens.get(next);
  }

  private Token advance() {
    Token token = tokens.get(next);
    if (token.kind() != Kind.END) {
      next++;
    }
    return token;
  }
}
